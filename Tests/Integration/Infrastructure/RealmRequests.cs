using Aspire.Hosting.Testing;
using Provisioning.Contracts;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// The internal APIs a provisioning test reads and writes: settings in PolicyService; accounts,
/// devices and the provisioning log in ScimService. And the deactivations IdPs really send.
/// </summary>
public static class RealmRequests
{
    public const string OktaUserAgent = "Okta SCIM Client 1.0.0";

    public static HttpClient CreateScimServiceClient(this ProvisioningApp app, InternalCaller caller = InternalCaller.AdminUi)
    {
        var client = app.App.CreateHttpClient("scimservice", "http");
        client.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, app.Keys[caller]);
        return client;
    }

    /// <summary>Saves the policy as the Admin UI does: at PolicyService, then (Dashboard) the roles reconciled at once.</summary>
    public static async Task<ConnectionSettingsDto> SetPolicyAsync(this ProvisioningApp app, Tenant tenant, ConnectionPolicyDto policy)
    {
        using var client = app.CreatePolicyClient();
        var settings = await ReadAsync<ConnectionSettingsDto>(await client.PutAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/policy", policy));
        if (settings.Realm == Realm.Dashboard)
        {
            await app.ReconcileRolesAsync(tenant, settings.SettingsVersion);
        }
        return settings;
    }

    /// <summary>Saves the mappings as the Admin UI does: at PolicyService, then the roles reconciled at once (what changed is the answer).</summary>
    public static async Task<(ConnectionSettingsDto Settings, RolesReconciledDto Reconciled)> SetGroupRolesAsync(
        this ProvisioningApp app, Tenant tenant, params GroupRoleMappingDto[] mappings)
    {
        var settings = await app.SaveGroupRolesAsync(tenant, mappings);
        return (settings, await app.ReconcileRolesAsync(tenant, settings.SettingsVersion));
    }

    /// <summary>Saves the mappings at PolicyService only: the roles follow when ScimService reconciles by itself.</summary>
    public static async Task<ConnectionSettingsDto> SaveGroupRolesAsync(this ProvisioningApp app, Tenant tenant, params GroupRoleMappingDto[] mappings)
    {
        using var client = app.CreatePolicyClient();
        return await ReadAsync<ConnectionSettingsDto>(await client.PutAsJsonAsync(
            $"/internal/connections/{tenant.Connection.Id}/group-roles", new UpdateGroupRolesRequest(mappings)));
    }

    /// <summary>
    /// Asks as the Admin UI does, and tries a 503 again after its Retry-After: under the whole suite's load
    /// PolicyService can miss the settings read's deadline, and the reconcile then changes nothing.
    /// </summary>
    public static async Task<RolesReconciledDto> ReconcileRolesAsync(this ProvisioningApp app, Tenant tenant, long settingsVersion)
    {
        using var client = app.CreateScimServiceClient();
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsJsonAsync(
                $"/internal/connections/{tenant.Connection.Id}/roles/reconcile", new ReconcileRolesRequest(settingsVersion));
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 3)
            {
                return await ReadAsync<RolesReconciledDto>(response);
            }
            using (response)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            }
        }
    }

    public static async Task<ConnectionSettingsDto> GetSettingsAsync(this ProvisioningApp app, Tenant tenant)
    {
        using var client = app.CreatePolicyClient();
        return await ReadAsync<ConnectionSettingsDto>(await client.GetAsync($"/internal/connections/{tenant.Connection.Id}/settings"));
    }

    /// <summary>The realm's accounts of the tenant's organization (employees, collaborators or MDM employees).</summary>
    public static async Task<AccountDto[]> AccountsAsync(this ProvisioningApp app, Tenant tenant, Guid? scimUserId = null, string? email = null)
    {
        using var client = app.CreateScimServiceClient();
        var query = scimUserId is null ? "" : $"?scimUserId={scimUserId}";
        query += email is null ? "" : (query.Length == 0 ? "?" : "&") + "email=" + Uri.EscapeDataString(email);
        return await ReadAsync<AccountDto[]>(await client.GetAsync($"/internal/organizations/{tenant.Organization.Id}/{AccountsPath(tenant.Connection.Realm)}{query}"));
    }

    public static async Task<AccountDto> AccountOfAsync(this ProvisioningApp app, Tenant tenant, JsonObject user) =>
        Assert.Single(await app.AccountsAsync(tenant, Guid.Parse(user.Id())));

    public static async Task<AccountDto> CreateAccountByHandAsync(this ProvisioningApp app, Tenant tenant, CreateAccountRequest request)
    {
        using var client = app.CreateScimServiceClient();
        return await ReadAsync<AccountDto>(await client.PostAsJsonAsync($"/internal/organizations/{tenant.Organization.Id}/{AccountsPath(tenant.Connection.Realm)}", request));
    }

    public static async Task<DevicePolicyDto> CreateDevicePolicyAsync(this ProvisioningApp app, Guid organizationId, string name)
    {
        using var client = app.CreateScimServiceClient();
        return await ReadAsync<DevicePolicyDto>(await client.PostAsJsonAsync($"/internal/organizations/{organizationId}/device-policies", new CreateDevicePolicyRequest(name)));
    }

    public static async Task<DeviceDto> CreateDeviceAsync(this ProvisioningApp app, Guid organizationId, Guid devicePolicyId, Guid? mdmEmployeeId, string name = "Laptop")
    {
        using var client = app.CreateScimServiceClient();
        return await ReadAsync<DeviceDto>(await client.PostAsJsonAsync($"/internal/organizations/{organizationId}/devices",
            new CreateDeviceRequest(name, "macOS", "SN-" + Guid.NewGuid().ToString("N")[..12], devicePolicyId, mdmEmployeeId)));
    }

    public static async Task<DeviceDto[]> DevicesAsync(this ProvisioningApp app, Tenant tenant)
    {
        using var client = app.CreateScimServiceClient();
        return await ReadAsync<DeviceDto[]>(await client.GetAsync($"/internal/organizations/{tenant.Organization.Id}/devices"));
    }

    /// <summary>The tenant connection's log entries (for one user when given), oldest first.</summary>
    public static async Task<List<ProvisioningLogEntryDto>> LogAsync(this ProvisioningApp app, Tenant tenant, JsonObject? user = null, string? action = null)
    {
        using var client = app.CreateScimServiceClient();
        var query = $"/internal/provisioning-log?organizationId={tenant.Organization.Id}&connectionId={tenant.Connection.Id}&pageSize=200"
            + (user is null ? "" : $"&scimUserId={user.Id()}")
            + (action is null ? "" : $"&action={action}");
        var page = await ReadAsync<ProvisioningLogPage>(await client.GetAsync(query));
        return page.Items.OrderBy(e => e.Id).ToList();
    }

    /// <summary>Okta's deactivation: a replace without a path.</summary>
    public static Task<HttpResponseMessage> DeactivateAsOktaAsync(this Tenant tenant, JsonObject user) =>
        tenant.Scim.SendScimAsync(HttpMethod.Patch, $"Users/{user.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""",
            headers => headers.UserAgent.ParseAdd(OktaUserAgent));

    /// <summary>Entra's deactivation: a capitalised Replace of the path with the string "False".</summary>
    public static Task<HttpResponseMessage> DeactivateAsEntraAsync(this Tenant tenant, JsonObject user) =>
        tenant.Scim.SendScimAsync(HttpMethod.Patch, $"Users/{user.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""",
            headers => headers.Add("Adscimversion", "2.0"));

    /// <summary>A PUT of the user as it is, with active false (Okta's profile push shape).</summary>
    public static Task<HttpResponseMessage> DeactivateWithPutAsync(this Tenant tenant, JsonObject user) => tenant.PutActiveAsync(user, false);

    public static Task<HttpResponseMessage> PutActiveAsync(this Tenant tenant, JsonObject user, bool active, string? email = null)
    {
        var body = user.DeepClone().AsObject();
        body.Remove("meta");
        body.Remove("groups");
        body["active"] = active;
        if (email is not null)
        {
            body["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        }
        return tenant.Scim.SendScimAsync(HttpMethod.Put, $"Users/{user.Id()}", body.ToJsonString(), headers => headers.UserAgent.ParseAdd(OktaUserAgent));
    }

    public static Task<HttpResponseMessage> ReactivateAsOktaAsync(this Tenant tenant, JsonObject user) =>
        tenant.Scim.SendScimAsync(HttpMethod.Patch, $"Users/{user.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}""",
            headers => headers.UserAgent.ParseAdd(OktaUserAgent));

    public static async Task SucceedsAsync(this Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
    }

    public static string AccountsPath(Realm realm) => realm switch
    {
        Realm.EnterpriseStore => "employees",
        Realm.Dashboard => "collaborators",
        _ => "mdm-employees",
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            }
            return (await response.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
