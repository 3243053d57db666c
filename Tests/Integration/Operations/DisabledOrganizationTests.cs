using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// An organization the operator switched off: an admin already signed in loses the session within
/// seconds, and its OAuth clients get no new access token.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class DisabledOrganizationTests(ProvisioningApp app)
{
    [Fact]
    public async Task AnAdminSignedInBeforeTheDisableLosesTheSessionWithinSeconds()
    {
        var admin = await app.CreateAdminAsync();
        using var browser = await app.SignInAsync(admin.Email, admin.Password);
        using (var before = await browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await SetEnabledAsync(admin.Organization.Id, enabled: false);

        await Credentials.EventuallyAsync(async () =>
        {
            using var page = await browser.GetAsync("/setup/dashboard");
            return page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.AbsolutePath == "/sign-in";
        }, TimeSpan.FromSeconds(5), "the disabled organization's session refused");

        // Enabled again, the old cookie stays dead: the admin signs in anew.
        await SetEnabledAsync(admin.Organization.Id, enabled: true);
        using var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await app.SignInAsync(admin.Email, admin.Password);
        using var overview = await again.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointAnswersInvalidClientForADisabledOrganization()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        await app.GetAccessTokenAsync(client);

        await SetEnabledAsync(tenant.Organization.Id, enabled: false);

        using var refused = await app.PostTokenRequestAsync([new("grant_type", "client_credentials")], (client.ClientId, client.ClientSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_client", error["error"]!.GetValue<string>());
        Assert.DoesNotContain("access_token", error.ToJsonString());

        await SetEnabledAsync(tenant.Organization.Id, enabled: true);
        await app.GetAccessTokenAsync(client);
    }

    private async Task SetEnabledAsync(Guid organizationId, bool enabled)
    {
        using var @operator = app.CreatePolicyClient(InternalCaller.Operator);
        using var response = await @operator.PostAsync($"/internal/organizations/{organizationId}/{(enabled ? "enable" : "disable")}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
