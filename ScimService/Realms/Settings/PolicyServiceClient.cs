using System.Net;
using Provisioning.Contracts;
using Provisioning.ScimService.Http;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>PolicyService's internal API: a connection's provisioning settings and their versions, an organization by slug.</summary>
public sealed class PolicyServiceClient(HttpClient http)
{
    /// <summary>The settings, an unknown connection, or PolicyService unavailable (down, refusing, past the resilience handler's 2 s).</summary>
    public async Task<SettingsLookup> GetSettingsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(Request($"/internal/connections/{connectionId}/settings"), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return SettingsLookup.Unknown.Instance;
            }
            response.EnsureSuccessStatusCode();
            return new SettingsLookup.Found((await response.Content.ReadFromJsonAsync<ConnectionSettingsDto>(cancellationToken))!);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && DependencyOutage.IsOutage(e))
        {
            return new SettingsLookup.Unavailable(
                $"The connection's provisioning settings could not be read ({(int?)(e as HttpRequestException)?.StatusCode ?? 0}); nothing was changed. Try again.");
        }
    }

    /// <summary>Every connection whose settings were saved, with its version (what <c>SettingsReconciler</c> compares).</summary>
    public async Task<IReadOnlyList<SettingsVersionDto>> GetSettingsVersionsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(Request("/internal/connections/settings-versions"), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<SettingsVersionDto>>(cancellationToken) ?? [];
    }

    public async Task<OrganizationDto?> GetOrganizationBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(Request($"/internal/organizations/by-slug/{Uri.EscapeDataString(slug)}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrganizationDto>(cancellationToken);
    }

    private static HttpRequestMessage Request(string path) => new(HttpMethod.Get, path);
}
