using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// The Gateway checks an access token's signature, issuer, audience and lifetime itself. Each
/// test signs a token that is right in every way but one, for a live client of a live connection.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AccessTokenValidationTests(ProvisioningApp app)
{
    [Fact]
    public async Task ATokenSignedWithTheRealKeyAndRightClaimsIsAccepted()
    {
        var (tenant, client) = await LiveClientAsync();
        var token = AccessTokens.Sign(await app.CurrentSigningKeyAsync(), tenant, client.Id);

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token));
    }

    [Fact]
    public async Task AnExpiredAccessTokenGets401InvalidToken()
    {
        var (tenant, client) = await LiveClientAsync();
        var token = AccessTokens.Sign(await app.CurrentSigningKeyAsync(), tenant, client.Id, expires: DateTimeOffset.UtcNow.AddMinutes(-5));

        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task AnAccessTokenSignedByAnotherKeyGets401EvenUnderAKnownKeyId()
    {
        var (tenant, client) = await LiveClientAsync();
        var realKey = await app.CurrentSigningKeyAsync();

        await AssertRefusedAsync(AccessTokens.Sign(AccessTokens.StrangersKey(realKey.KeyId), tenant, client.Id));
        await AssertRefusedAsync(AccessTokens.Sign(AccessTokens.StrangersKey("made-up-key"), tenant, client.Id));
    }

    [Fact]
    public async Task AnAccessTokenForAnotherAudienceGets401()
    {
        var (tenant, client) = await LiveClientAsync();

        await AssertRefusedAsync(AccessTokens.Sign(await app.CurrentSigningKeyAsync(), tenant, client.Id, audience: "some-other-api"));
    }

    [Fact]
    public async Task AnAccessTokenFromAnotherIssuerGets401()
    {
        var (tenant, client) = await LiveClientAsync();

        await AssertRefusedAsync(AccessTokens.Sign(await app.CurrentSigningKeyAsync(), tenant, client.Id, issuer: "https://issuer.example"));
    }

    [Fact]
    public async Task AnAccessTokenNamingAnotherConnectionThanItsClientsGets401()
    {
        var (tenant, client) = await LiveClientAsync();
        var other = await app.CreateTenantAsync();
        var borrowed = tenant with { Connection = other.Connection, Organization = other.Organization };

        await AssertRefusedAsync(AccessTokens.Sign(await app.CurrentSigningKeyAsync(), borrowed, client.Id));
    }

    [Fact]
    public async Task RotatingTheSigningKeyKeepsLiveTokensValidAndNewTokensUseTheNewKey()
    {
        var (_, client) = await LiveClientAsync();
        var before = await app.GetAccessTokenAsync(client);
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);

        var rotated = await Tenants.ReadAsync<SigningKeyDto>(await policy.PostAsync("/internal/oauth/signing-keys/rotate", null));
        var after = await app.GetAccessTokenAsync(client);

        Assert.Contains(rotated.KeyId, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(after).Kid);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(before));
        await Credentials.EventuallyAsync(async () => await StatusWithAsync(after) == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5), "the new key's token accepted");
        using var gateway = app.CreateGatewayClient();
        var jwks = JsonNode.Parse(await gateway.GetStringAsync("/oauth/jwks"))!["keys"]!.AsArray();
        Assert.Contains(jwks, k => k!["kid"]!.GetValue<string>() == rotated.KeyId);
        Assert.True(jwks.Count >= 2, "The retired key stays published while its tokens live.");
        Assert.All(jwks, k => Assert.Null(k!["d"]));
    }

    private async Task<(Tenant Tenant, CreatedOAuthClientDto Client)> LiveClientAsync()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        // Makes sure a signing key exists and the Gateway has fetched it.
        var token = await app.GetAccessTokenAsync(client);
        await Credentials.EventuallyAsync(async () => await StatusWithAsync(token) == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5), "a real access token accepted");
        return (tenant, client);
    }

    private async Task<HttpStatusCode> StatusWithAsync(string accessToken)
    {
        using var scim = app.CreateScimClient(accessToken);
        return await scim.StatusOfAsync();
    }

    private async Task AssertRefusedAsync(string accessToken)
    {
        using var scim = app.CreateScimClient(accessToken);
        using var response = await scim.GetAsync("Users");
        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
    }
}
