using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>Every way a static bearer token can fail at the Gateway, each answered as a SCIM error.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class BearerTokenFailureTests(ProvisioningApp app)
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("Basic dXNlcjpwYXNz", false)]
    [InlineData("Token prv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("Bearer", false)]
    [InlineData("Bearer garbage", true)]
    [InlineData("Bearer a.b.c", true)]
    [InlineData("Bearer prv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)]
    public async Task AMissingHeaderAWrongSchemeOrGarbageGets401WithABearerChallenge(string? authorization, bool invalidToken)
    {
        using var client = app.CreateScimClient(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(invalidToken, challenge.Parameter?.Contains("error=\"invalid_token\"") ?? false);
    }

    [Fact]
    public async Task AWrongSecretBehindAValidLookupPrefixGets401AndTheResponseNeverEchoesIt()
    {
        var tenant = await app.CreateTenantAsync();
        var wrong = tenant.Token.Token[..^6] + (tenant.Token.Token.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA");
        using var client = app.CreateScimClient(wrong);

        using var response = await client.GetAsync("Users");

        var body = await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(wrong[4..], body.ToJsonString());
        Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains(wrong[4..])));
    }

    [Fact]
    public async Task ARevokedTokenGets401()
    {
        var tenant = await app.CreateTenantAsync();
        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);

        using var response = await tenant.Scim.GetAsync("Users");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenPastItsExpiryGets401()
    {
        var tenant = await app.CreateTenantAsync();
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var token = await app.CreateTokenAsync(tenant.Connection.Id, expiresAt);
        using var client = app.CreateScimClient(token.Token);
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync());

        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));

        // The Gateway may still hold the last "accepted" for its few seconds; the bound is 5 s.
        await Credentials.EventuallyAsync(async () => await client.StatusOfAsync() == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the expired token refused");
        using var response = await client.GetAsync("Users");
        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenOfADisabledConnectionGets403()
    {
        var tenant = await app.CreateTenantAsync();
        await app.SetEnabledAsync(tenant, enabled: false);

        using var response = await tenant.Scim.GetAsync("Users");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherOrganizationsTokenSeesNothingOfThisOne()
    {
        var owner = await app.CreateTenantAsync();
        var stranger = await app.CreateTenantAsync();
        await app.InsertUserAsync(owner.Connection.Id, "only-mine@example.com");

        using var strangersView = await stranger.Scim.GetAsync("Users");
        using var ownersView = await owner.Scim.GetAsync("Users");

        Assert.Equal(0, (await ScimAssert.SuccessAsync(strangersView))["totalResults"]!.GetValue<int>());
        Assert.Equal(1, (await ScimAssert.SuccessAsync(ownersView))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task ASpoofedInternalContextHeaderIsStrippedAndTheTokensOwnTenantCounts()
    {
        var attacker = await app.CreateTenantAsync();
        var victim = await app.CreateTenantAsync();
        await app.InsertUserAsync(victim.Connection.Id, "victim@example.com");
        var spoofed = new TenantContextSigner(app.ContextSigningKey).Sign(new TenantContext(
            victim.Organization.Id, victim.Connection.Id, victim.Connection.Realm, victim.Token.Id, "other", DateTimeOffset.UtcNow.AddSeconds(10)), "GET", "/scim/v2/Users");
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Add(InternalHeaders.Context, spoofed);
        request.Headers.Add(InternalHeaders.Prefix + "Organization", victim.Organization.Id.ToString());

        using var response = await attacker.Scim.SendAsync(request);

        Assert.Equal(0, (await ScimAssert.SuccessAsync(response))["totalResults"]!.GetValue<int>());
    }
}
