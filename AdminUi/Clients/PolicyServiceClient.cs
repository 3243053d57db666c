using System.Net;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Clients;

public sealed class PolicyServiceClient(HttpClient http, IOptions<AdminUiOptions> options)
{
    public async Task<OrganizationDto?> GetOrganizationBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/organizations/by-slug/{Uri.EscapeDataString(slug)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrganizationDto>(cancellationToken);
    }

    public async Task<ConnectionDto[]> GetConnectionsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/internal/organizations/{organizationId}/connections", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ConnectionDto[]>(cancellationToken) ?? [];
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(InternalHeaders.ApiKey, options.Value.InternalApiKey);
        return http.SendAsync(request, cancellationToken);
    }
}
