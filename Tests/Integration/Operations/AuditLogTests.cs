using System.Text.Json;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// Every admin and operator action lands in the organization's audit log with who, when, what and
/// from where, and never a secret; the log reads back filtered and paged.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AuditLogTests(ProvisioningApp app)
{
    private const string Actor = "auditor@example.com";
    private const string ActorIp = "203.0.113.7";

    [Fact]
    public async Task EveryCredentialPolicyAndRateLimitChangeIsRecordedWithoutItsSecret()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        using var admin = AdminUiCaller();
        var connection = $"/internal/connections/{tenant.Connection.Id}";

        var token = await Tenants.ReadAsync<CreatedTokenDto>(await admin.PostAsJsonAsync($"{connection}/tokens", new CreateTokenRequest(null)));
        (await admin.DeleteAsync($"{connection}/tokens/{token.Id}")).EnsureSuccessStatusCode();
        var first = await Tenants.ReadAsync<CreatedOAuthClientDto>(await admin.PostAsync($"{connection}/oauth-client", null));
        var second = await Tenants.ReadAsync<CreatedOAuthClientDto>(await admin.PostAsync($"{connection}/oauth-client", null));
        (await admin.DeleteAsync($"{connection}/oauth-client")).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"{connection}/policy", new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Editor))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"{connection}/group-roles", new UpdateGroupRolesRequest([new(Guid.NewGuid(), CollaboratorRole.Admin, "=HYPERLINK(\"x\")")]))).EnsureSuccessStatusCode();
        using (var @operator = app.CreatePolicyClient(InternalCaller.Operator))
        {
            (await @operator.PutAsJsonAsync($"{connection}/rate-limit", new ConnectionRateLimit(50, 100))).EnsureSuccessStatusCode();
            (await @operator.PostAsync($"/internal/organizations/{tenant.Organization.Id}/disable", null)).EnsureSuccessStatusCode();
            (await @operator.PostAsync($"/internal/organizations/{tenant.Organization.Id}/enable", null)).EnsureSuccessStatusCode();
        }

        var entries = await EntriesAsync(tenant.Organization.Id);
        var byAdmin = entries.Where(e => e.Actor == Actor).Select(e => e.Action).ToList();
        Assert.Equal(
            [AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.OAuthClientCreated, AuditActions.OAuthClientRotated,
             AuditActions.OAuthClientDeleted, AuditActions.PolicySaved, AuditActions.GroupRolesSaved],
            byAdmin.AsEnumerable().Reverse());
        Assert.All(entries.Where(e => e.Actor == Actor), e => Assert.Equal(ActorIp, e.ActorIp));
        Assert.Contains(entries, e => e.Action == AuditActions.RateLimitChanged && e.Target.Contains("50 requests per second"));
        Assert.Contains(entries, e => e.Action == AuditActions.OrganizationDisabled);
        Assert.Contains(entries, e => e.Action == AuditActions.OrganizationEnabled);
        Assert.Contains(entries, e => e.Action == AuditActions.OAuthClientRotated && e.Target.Contains(second.ClientId));
        Assert.Contains(entries, e => e.Action == AuditActions.PolicySaved && e.Target.Contains("Editor"));

        var everything = JsonSerializer.Serialize(entries);
        foreach (var secret in new[] { token.Token, first.ClientSecret, second.ClientSecret, tenant.Token.Token })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    [Fact]
    public async Task DeviceAndDevicePolicySavesInTheAdminUiAreRecordedAsTheSignedInAdmin()
    {
        var admin = await app.CreateAdminAsync();
        using var browser = await app.SignInAsync(admin.Email, admin.Password);

        using (var created = await browser.PostAsync("/devices/policies?handler=Create",
            await Admins.FormAsync(browser, "/devices/policies", new() { ["Name"] = "Lost or stolen" })))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        using var scim = app.CreateScimServiceClient();
        var policies = await scim.GetFromJsonAsync<DevicePolicyDto[]>($"/internal/organizations/{admin.Organization.Id}/device-policies");
        var policy = Assert.Single(policies!);
        using (var added = await browser.PostAsync("/devices", await Admins.FormAsync(browser, "/devices", new()
        {
            ["Device.Name"] = "Ada's laptop", ["Device.Platform"] = "macOS", ["Device.SerialNumber"] = "C02XYZ", ["Device.DevicePolicyId"] = policy.Id.ToString(),
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var entries = await EntriesAsync(admin.Organization.Id);
        Assert.Contains(entries, e => e.Action == AuditActions.DevicePolicySaved && e.Actor == admin.Email && e.Target.Contains("Lost or stolen"));
        Assert.Contains(entries, e => e.Action == AuditActions.DeviceSaved && e.Actor == admin.Email && e.Target.Contains("C02XYZ"));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.ActorIp)));
    }

    [Fact]
    public async Task TheLogFiltersByWhoActionAndTimeAndPages()
    {
        var tenant = await app.CreateTenantAsync();
        using var admin = AdminUiCaller();
        for (var i = 0; i < 3; i++)
        {
            // A connection holds two live tokens at most: each is revoked before the next.
            var token = await Tenants.ReadAsync<CreatedTokenDto>(await admin.PostAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/tokens", new CreateTokenRequest(null)));
            (await admin.DeleteAsync($"/internal/connections/{tenant.Connection.Id}/tokens/{token.Id}")).EnsureSuccessStatusCode();
        }
        var audit = $"/internal/organizations/{tenant.Organization.Id}/audit";

        var tokens = await admin.GetFromJsonAsync<AuditPage>($"{audit}?actor=AUDITOR@&action={AuditActions.TokenCreated}&page=1&pageSize=2");
        Assert.Equal(3, tokens!.TotalResults);
        Assert.Equal(2, tokens.Items.Count);
        Assert.True(tokens.Items[0].At >= tokens.Items[1].At);
        var rest = await admin.GetFromJsonAsync<AuditPage>($"{audit}?actor=auditor&action={AuditActions.TokenCreated}&page=2&pageSize=2");
        Assert.Single(rest!.Items);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Equal(0, (await admin.GetFromJsonAsync<AuditPage>($"{audit}?from={future}"))!.TotalResults);
        Assert.Equal(0, (await admin.GetFromJsonAsync<AuditPage>($"{audit}?actor=someone-else"))!.TotalResults);

        using var unknown = await admin.GetAsync($"{audit}?action=token.stolen");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var tooMany = await admin.GetAsync($"{audit}?pageSize=100000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        using var notReportable = await admin.PostAsJsonAsync(audit, new RecordAuditRequest(AuditActions.OrganizationDisabled, "forged"));
        Assert.Equal(HttpStatusCode.BadRequest, notReportable.StatusCode);
    }

    /// <summary>The Admin UI's key with the headers the Admin UI sends for its signed-in admin.</summary>
    private HttpClient AdminUiCaller()
    {
        var client = app.CreatePolicyClient(InternalCaller.AdminUi);
        client.DefaultRequestHeaders.Add(InternalHeaders.Actor, Actor);
        client.DefaultRequestHeaders.Add(InternalHeaders.ActorIp, ActorIp);
        return client;
    }

    private async Task<IReadOnlyList<AuditEntryDto>> EntriesAsync(Guid organizationId)
    {
        using var admin = app.CreatePolicyClient(InternalCaller.AdminUi);
        return (await admin.GetFromJsonAsync<AuditPage>($"/internal/organizations/{organizationId}/audit?pageSize=1000"))!.Items;
    }
}
