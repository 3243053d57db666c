using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>
/// The development seed creates only what is missing. What the demo admin did since — a seed
/// token revoked, tokens of their own — survives the next start of PolicyService.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class DevelopmentSeedTests(ProvisioningApp app)
{
    [Fact]
    public async Task ARevokedDemoTokenStaysRevokedAndTheAdminsOwnTokensStayLiveAfterARestart()
    {
        using var @operator = app.CreatePolicyClient(InternalCaller.Operator);
        using var policy = app.CreatePolicyClient();
        var demo = await Tenants.ReadAsync<OrganizationDto>(await @operator.GetAsync("/internal/organizations/by-slug/demo"));
        var connections = await Tenants.ReadAsync<ConnectionDto[]>(await policy.GetAsync($"/internal/organizations/{demo.Id}/connections"));
        var dashboard = connections.Single(c => c.Realm == Realm.Dashboard);
        var tokensPath = $"/internal/connections/{dashboard.Id}/tokens";
        var seedToken = Assert.Single(await Tenants.ReadAsync<TokenDto[]>(await policy.GetAsync(tokensPath)), t => t.RevokedAt is null);

        // As the demo admin would in the Admin UI: revoke the demo token, then make two of their own.
        (await policy.DeleteAsync($"{tokensPath}/{seedToken.Id}")).EnsureSuccessStatusCode();
        var first = await Tenants.ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync(tokensPath, new CreateTokenRequest(ExpiresAt: null)));
        var second = await Tenants.ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync(tokensPath, new CreateTokenRequest(ExpiresAt: null)));

        await RestartPolicyServiceAsync();

        using var after = app.CreatePolicyClient();
        var tokens = await Tenants.ReadAsync<TokenDto[]>(await after.GetAsync(tokensPath));
        Assert.NotNull(tokens.Single(t => t.Id == seedToken.Id).RevokedAt);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), tokens.Where(t => t.RevokedAt is null).Select(t => t.Id).Order());
    }

    private async Task RestartPolicyServiceAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Assert.True((await app.App.ResourceCommands.ExecuteCommandAsync("policyservice", KnownResourceCommands.StopCommand, timeout.Token)).Success);
        Assert.True((await app.App.ResourceCommands.ExecuteCommandAsync("policyservice", KnownResourceCommands.StartCommand, timeout.Token)).Success);
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("policyservice", timeout.Token);

        // ScimService's pooled connections to the stopped process take a while to give up; the next
        // test must find a system that provisions again, so wait until a SCIM create goes through.
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        while (true)
        {
            using var created = await tenant.Scim.PostAsync("Users", new StringContent(
                $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"probe-{{Guid.NewGuid():N}}@example.com"}""",
                System.Text.Encoding.UTF8, "application/scim+json"), timeout.Token);
            if (created.StatusCode == HttpStatusCode.Created)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }
}
