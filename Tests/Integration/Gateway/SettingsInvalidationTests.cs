using System.Diagnostics;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// A settings change reaches every reader at once: PolicyService drops the Redis entry, and the
/// Gateway drops its memory entry on the published invalidation instead of waiting out its lifetime.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SettingsInvalidationTests(ProvisioningApp app)
{
    [Fact]
    public async Task DisablingAConnectionReachesTheGatewaysCacheBeforeItsEntryWouldExpire()
    {
        var tenant = await app.CreateTenantAsync();
        var cached = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync()); // cached as accepted for 3 s

        await app.SetEnabledAsync(tenant, enabled: false);
        await Credentials.EventuallyAsync(async () => await tenant.Scim.StatusOfAsync() == HttpStatusCode.Forbidden,
            TimeSpan.FromSeconds(5), "the disabled connection refused");

        Assert.True(cached.Elapsed < TimeSpan.FromSeconds(2.5),
            $"The change took {cached.Elapsed.TotalSeconds:0.0} s: the cached entry expired rather than being invalidated.");
    }

    [Fact]
    public async Task ARateLimitChangeReachesTheGatewayWithTheNextRequest()
    {
        var tenant = await app.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync());

        await app.SetRateLimitAsync(tenant.Connection.Id, new ConnectionRateLimit(RequestsPerSecond: 1, Burst: 1));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await tenant.Scim.StatusOfAsync());
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task PolicyServicesRedisCopyOfACredentialIsDroppedWhenItIsRevoked()
    {
        var tenant = await app.CreateTenantAsync();
        BearerTokenFormat.TryParse(tenant.Token.Token, out var lookup, out var hash);
        using var policy = app.CreatePolicyClient(InternalCaller.Gateway);
        using (var first = await policy.PostAsJsonAsync("/internal/credentials/check", new CredentialCheckRequest(lookup, hash)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode); // now in Redis
        }

        await app.RevokeTokenAsync(tenant.Connection.Id, tenant.Token.Id);

        using var second = await policy.PostAsJsonAsync("/internal/credentials/check", new CredentialCheckRequest(lookup, hash));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }
}
