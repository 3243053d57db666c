using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioning.Contracts;

namespace Provisioning.Operator;

/// <summary>PolicyService refused or failed; the message is PolicyService's own explanation.</summary>
public sealed class OperatorApiException(string message) : Exception(message);

/// <summary>PolicyService's operator routes. Every refusal becomes an <see cref="OperatorApiException"/> that says why.</summary>
public sealed class OperatorApi(HttpClient http)
{
    public async Task<OnboardedOrganizationDto> OnboardAsync(OnboardOrganizationRequest request) =>
        await ReadAsync<OnboardedOrganizationDto>(await http.PostAsJsonAsync("/internal/organizations/onboard", request, Json));

    public async Task<OrganizationSummaryDto[]> ListAsync() =>
        await ReadAsync<OrganizationSummaryDto[]>(await http.GetAsync("/internal/organizations"));

    public async Task<OrganizationDto> FindAsync(string slug)
    {
        using var response = await http.GetAsync($"/internal/organizations/by-slug/{Uri.EscapeDataString(slug)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new OperatorApiException($"No organization has the slug '{slug}'. 'organizations list' shows them all.");
        }
        return await ReadAsync<OrganizationDto>(response);
    }

    public async Task<OrganizationDto> SwitchAsync(Guid organizationId, bool enabled) =>
        await ReadAsync<OrganizationDto>(await http.PostAsync($"/internal/organizations/{organizationId}/{(enabled ? "enable" : "disable")}", null));

    public async Task<PasswordResetDto> ResetPasswordAsync(string email) =>
        await ReadAsync<PasswordResetDto>(await http.PostAsJsonAsync("/internal/admins/reset-password", new ResetAdminPasswordRequest(email), Json));

    public async Task<AdminDto> FindAdminAsync(string email) =>
        await ReadAsync<AdminDto>(await http.GetAsync($"/internal/admins?email={Uri.EscapeDataString(email)}"));

    public async Task RemoveAdminAsync(Guid organizationId, Guid adminId)
    {
        using var response = await http.DeleteAsync($"/internal/organizations/{organizationId}/admins/{adminId}");
        if (!response.IsSuccessStatusCode)
        {
            throw new OperatorApiException(await ExplainAsync(response));
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<T>(Json))!;
            }
            throw new OperatorApiException(await ExplainAsync(response));
        }
    }

    /// <summary>ProblemDetails' title, detail and field errors, as one readable message.</summary>
    private static async Task<string> ExplainAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return "PolicyService refused the operator key (401): check PROVISIONING_OPERATOR_KEY.";
        }
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var lines = new List<string>();
            if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                lines.Add(detail.GetString()!);
            }
            else if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                lines.Add(title.GetString()!);
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                lines.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"  {e.Name}: {m.GetString()}")));
            }
            return lines.Count > 0 ? string.Join(Environment.NewLine, lines) : $"PolicyService answered {(int)response.StatusCode}.";
        }
        catch (JsonException)
        {
            return $"PolicyService answered {(int)response.StatusCode}.";
        }
    }
}
