using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

[Collection(ProvisioningAppCollection.Name)]
public sealed class WalkingSkeletonTests(ProvisioningApp app)
{
    [Fact]
    public async Task EveryResourceReachesHealthy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var resources = app.ResourcesWithHealth().Select(r => r.Name).ToList();
        Assert.Superset(new HashSet<string> { "policyservice", "scimservice", "adminui", "gateway" }, resources.ToHashSet());
        Assert.Equal(6, resources.Count);
        foreach (var resource in resources)
        {
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    [Fact]
    public async Task OktasTestApiCredentialsCallGetsAnEmptyListResponse()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync("Users?startIndex=1&count=2");

        var body = await ScimAssert.SuccessAsync(response);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal(0, body["totalResults"]!.GetValue<int>());
        Assert.Equal(1, body["startIndex"]!.GetValue<int>());
        Assert.Equal(0, body["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(body["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ARequestStraightToScimServiceIsRefused()
    {
        using var direct = app.App.CreateHttpClient("scimservice", "http");

        using var response = await direct.GetAsync("/scim/v2/Users?startIndex=1&count=2");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARequestStraightToScimServiceWithAForgedContextIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var forged = new TenantContextSigner(new string('f', 64)).Sign(new TenantContext(
            tenant.Organization.Id, tenant.Connection.Id, Realm.Dashboard, tenant.Token.Id, "other", DateTimeOffset.UtcNow.AddSeconds(10)), "GET", "/scim/v2/Users");
        using var direct = app.App.CreateHttpClient("scimservice", "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/Users");
        request.Headers.Add(InternalHeaders.Context, forged);

        using var response = await direct.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AClientSentInternalHeaderCannotImpersonateAnotherOrganization()
    {
        var attacker = await app.CreateTenantAsync();
        var victim = await app.CreateTenantAsync();
        await victim.Scim.CreateUserAsync("victim@example.com");
        // Even a context signed with the real key is stripped at the Gateway: only the Gateway's own counts.
        var spoofed = new TenantContextSigner(app.ContextSigningKey).Sign(new TenantContext(
            victim.Organization.Id, victim.Connection.Id, Realm.Dashboard, victim.Token.Id, "other", DateTimeOffset.UtcNow.AddSeconds(10)), "GET", "/scim/v2/Users");
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Add(InternalHeaders.Context, spoofed);
        request.Headers.Add(InternalHeaders.ApiKey, app.Keys[InternalCaller.AdminUi]);

        using var response = await attacker.Scim.SendAsync(request);

        var body = await ScimAssert.SuccessAsync(response);
        Assert.Equal(0, body["totalResults"]!.GetValue<int>());
        using var victimsView = await victim.Scim.GetAsync("Users");
        Assert.Equal(1, (await ScimAssert.SuccessAsync(victimsView))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task AValidSignedContextWithoutABearerTokenIsRefusedAtTheGateway()
    {
        var tenant = await app.CreateTenantAsync();
        var signed = new TenantContextSigner(app.ContextSigningKey).Sign(new TenantContext(
            tenant.Organization.Id, tenant.Connection.Id, Realm.Dashboard, tenant.Token.Id, "other", DateTimeOffset.UtcNow.AddSeconds(10)), "GET", "/scim/v2/Users");
        using var client = app.CreateScimClient(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Add(InternalHeaders.Context, signed);

        using var response = await client.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheSeededAdminSignsInThroughTheGatewayAndSeesTheDemoOrganizationsRealms()
    {
        using var client = await app.SignInAsync(AppHost.DevelopmentSeed.AdminEmail, app.SeedAdminPassword);

        var overview = await client.GetStringAsync("/");
        var setup = await client.GetStringAsync("/setup/dashboard");

        Assert.Contains("Demo Organization", overview);
        Assert.Contains("Enterprise Store", overview);
        Assert.Contains("MDM Portal", overview);
        Assert.Contains(app.GatewayUrl.Authority + "/scim/v2", setup);
    }
}
