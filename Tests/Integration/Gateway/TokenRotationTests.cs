using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>Rotating static tokens without downtime, and revocation felt within the 5-second bound.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class TokenRotationTests(ProvisioningApp app)
{
    private static readonly TimeSpan RevocationBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TwoLiveTokensBothWorkSoAnAdminCanRotateWithoutDowntime()
    {
        var tenant = await app.CreateTenantAsync();
        var second = await app.CreateTokenAsync(tenant.Connection.Id);
        using var secondClient = app.CreateScimClient(second.Token);

        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync());
        Assert.Equal(HttpStatusCode.OK, await secondClient.StatusOfAsync());

        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);
        await Credentials.EventuallyAsync(async () => await tenant.Scim.StatusOfAsync() == HttpStatusCode.Unauthorized,
            RevocationBound, "the old token refused");
        Assert.Equal(HttpStatusCode.OK, await secondClient.StatusOfAsync());
    }

    [Fact]
    public async Task AThirdLiveTokenIsRefusedUntilOneIsRevoked()
    {
        var tenant = await app.CreateTenantAsync();
        await app.CreateTokenAsync(tenant.Connection.Id);
        using var policy = app.CreatePolicyClient();

        using var third = await policy.PostAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/tokens", new CreateTokenRequest(null));

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
    }

    [Fact]
    public async Task ARevokedTokenInTheGatewaysCacheIsRefusedWithinFiveSeconds()
    {
        var tenant = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync()); // now cached as accepted

        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);
        var felt = await Credentials.EventuallyAsync(async () => await tenant.Scim.StatusOfAsync() == HttpStatusCode.Unauthorized,
            RevocationBound, "the revoked token refused");

        Assert.True(felt < RevocationBound, $"Revocation took {felt.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task UsingATokenRecordsWhenItWasLastUsedWithoutShowingTheSecret()
    {
        var tenant = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync());
        using var policy = app.CreatePolicyClient();

        TokenDto? listed = null;
        await Credentials.EventuallyAsync(async () =>
        {
            var tokens = await policy.GetFromJsonAsync<TokenDto[]>($"/internal/connections/{tenant.Connection.Id}/tokens");
            listed = Assert.Single(tokens!);
            return listed.LastUsedAt is not null;
        }, TimeSpan.FromSeconds(20), "lastUsedAt written by the batch");

        Assert.InRange(listed!.LastUsedAt!.Value, tenant.Token.CreatedAt, DateTimeOffset.UtcNow.AddSeconds(5));
        var raw = await policy.GetStringAsync($"/internal/connections/{tenant.Connection.Id}/tokens");
        Assert.DoesNotContain(tenant.Token.Token, raw);
    }
}
