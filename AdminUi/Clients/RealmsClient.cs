using System.Net;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Clients;

/// <summary>
/// ScimService's internal API for an organization's realm accounts, devices, device policies, the
/// deactivation preview and the provisioning log. Callers pass the signed-in admin's organization.
/// </summary>
public sealed class RealmsClient(HttpClient http)
{
    public const string Service = "ScimService";

    public async Task<AccountDto[]> GetAccountsAsync(Guid organizationId, Realm realm, Guid? scimUserId, CancellationToken cancellationToken) =>
        await GetAsync<AccountDto[]>($"/internal/organizations/{organizationId}/{AccountsPath(realm)}{(scimUserId is null ? "" : $"?scimUserId={scimUserId}")}", cancellationToken) ?? [];

    public async Task<DevicePolicyDto[]> GetDevicePoliciesAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await GetAsync<DevicePolicyDto[]>($"/internal/organizations/{organizationId}/device-policies", cancellationToken) ?? [];

    /// <summary>Whether the organization has this device policy: ScimService owns them, so it is asked before a policy names one.</summary>
    public async Task<bool> DevicePolicyExistsAsync(Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        await GetAsync<DevicePolicyDto>($"/internal/organizations/{organizationId}/device-policies/{id}", cancellationToken) is not null;

    /// <summary>
    /// Has the roles brought up to the settings version a save answered, and says what that changed; null
    /// when ScimService cannot do it now (it catches up by itself once it can).
    /// </summary>
    public async Task<RolesReconciledDto?> ReconcileRolesAsync(Guid connectionId, long settingsVersion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/connections/{connectionId}/roles/reconcile")
        {
            Content = JsonContent.Create(new ReconcileRolesRequest(settingsVersion)),
        };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RolesReconciledDto>(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<DeviceDto[]> GetDevicesAsync(Guid organizationId, Guid? mdmEmployeeId, CancellationToken cancellationToken) =>
        await GetAsync<DeviceDto[]>($"/internal/organizations/{organizationId}/devices{(mdmEmployeeId is null ? "" : $"?mdmEmployeeId={mdmEmployeeId}")}", cancellationToken) ?? [];

    public Task<DeviceDto?> GetDeviceAsync(Guid organizationId, Guid id, CancellationToken cancellationToken) =>
        GetAsync<DeviceDto>($"/internal/organizations/{organizationId}/devices/{id}", cancellationToken);

    public Task<(DeviceDto? Device, ServiceRefusal? Refusal)> CreateDeviceAsync(Guid organizationId, CreateDeviceRequest request, CancellationToken cancellationToken) =>
        SendAsync<DeviceDto>(HttpMethod.Post, $"/internal/organizations/{organizationId}/devices", request, cancellationToken);

    public Task<(DeviceDto? Device, ServiceRefusal? Refusal)> UpdateDeviceAsync(Guid organizationId, Guid id, UpdateDeviceRequest request, CancellationToken cancellationToken) =>
        SendAsync<DeviceDto>(HttpMethod.Put, $"/internal/organizations/{organizationId}/devices/{id}", request, cancellationToken);

    public Task<(DevicePolicyDto? Policy, ServiceRefusal? Refusal)> CreateDevicePolicyAsync(Guid organizationId, string name, CancellationToken cancellationToken) =>
        SendAsync<DevicePolicyDto>(HttpMethod.Post, $"/internal/organizations/{organizationId}/device-policies", new CreateDevicePolicyRequest(name), cancellationToken);

    public Task<(DevicePolicyDto? Policy, ServiceRefusal? Refusal)> RenameDevicePolicyAsync(Guid organizationId, Guid id, string name, CancellationToken cancellationToken) =>
        SendAsync<DevicePolicyDto>(HttpMethod.Put, $"/internal/organizations/{organizationId}/device-policies/{id}", new UpdateDevicePolicyRequest(name), cancellationToken);

    /// <summary>Null when the user is not in the connection.</summary>
    public async Task<DeactivationPreviewDto?> PreviewDeactivationAsync(Guid organizationId, DeactivationPreviewRequest request, CancellationToken cancellationToken) =>
        (await SendAsync<DeactivationPreviewDto>(HttpMethod.Post, $"/internal/organizations/{organizationId}/deactivation-preview", request, cancellationToken)).Value;

    public async Task<ProvisioningLogPage> GetLogAsync(Guid organizationId, LogQuery query, CancellationToken cancellationToken) =>
        await GetAsync<ProvisioningLogPage>($"/internal/provisioning-log?organizationId={organizationId}{query.ToQueryString()}", cancellationToken)
            ?? new ProvisioningLogPage(0, query.Page, query.PageSize, []);

    public Task<ProvisioningLogEntryDetailDto?> GetLogEntryAsync(Guid organizationId, long id, CancellationToken cancellationToken) =>
        GetAsync<ProvisioningLogEntryDetailDto>($"/internal/organizations/{organizationId}/provisioning-log/{id}", cancellationToken);

    public Task<ProvisioningActivityDto?> GetActivityAsync(Guid organizationId, string range, CancellationToken cancellationToken) =>
        GetAsync<ProvisioningActivityDto>($"/internal/organizations/{organizationId}/provisioning-log/activity?range={Uri.EscapeDataString(range)}", cancellationToken);

    /// <summary>Attributes IdPs sent in the last days that their connection does not declare.</summary>
    public async Task<UndeclaredAttributeSeenDto[]> GetUndeclaredAttributesAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await GetAsync<UndeclaredAttributeSeenDto[]>($"/internal/organizations/{organizationId}/undeclared-attributes", cancellationToken) ?? [];

    private static string AccountsPath(Realm realm) => realm switch
    {
        Realm.EnterpriseStore => "employees",
        Realm.Dashboard => "collaborators",
        _ => "mdm-employees",
    };

    /// <summary>The answer, or null on 404.</summary>
    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await ServiceException.EnsureSuccessAsync(Service, response);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    /// <summary>The answer, or the service's refusal (400/409); (null, null) on 404.</summary>
    private async Task<(T? Value, ServiceRefusal? Refusal)> SendAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null);
        }
        if (await ServiceRefusal.ReadAsync(response, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        await ServiceException.EnsureSuccessAsync(Service, response);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken), null);
    }
}

/// <summary>The log page's filters, as ScimService's log API takes them.</summary>
public sealed record LogQuery(Guid? ConnectionId, Guid? ScimUserId, string? Action, string? Outcome, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50)
{
    public string ToQueryString() =>
        (ConnectionId is { } c ? $"&connectionId={c}" : "")
        + (ScimUserId is { } u ? $"&scimUserId={u}" : "")
        + (string.IsNullOrEmpty(Action) ? "" : $"&action={Uri.EscapeDataString(Action)}")
        + (string.IsNullOrEmpty(Outcome) ? "" : $"&outcome={Uri.EscapeDataString(Outcome)}")
        + (From is { } f ? $"&from={Uri.EscapeDataString(f.ToUniversalTime().ToString("O"))}" : "")
        + (To is { } t ? $"&to={Uri.EscapeDataString(t.ToUniversalTime().ToString("O"))}" : "")
        + $"&page={Page}&pageSize={PageSize}";
}
