using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.Tests.Integration.Infrastructure;
using StackExchange.Redis;

namespace Provisioning.Tests.Integration.Races;

/// <summary>
/// A read of PolicyService's Redis-cached settings races a change: the read finds nothing in Redis,
/// goes to PostgreSQL, and the change (a revocation, a disabled connection, a new policy) commits and
/// invalidates before the read writes back what it found. The old answer must not come back.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SettingsCacheRaceTests(ProvisioningApp app)
{
    [Fact]
    public async Task AReadThatStartedBeforeARevocationCannotPutTheRevokedCredentialBackInRedis()
    {
        await using var redis = await app.ConnectRedisAsync();
        var cache = new SettingsCache(redis, new AbsentKeys(TimeProvider.System), NullLogger<SettingsCache>.Instance);
        var key = SettingsKeys.BearerTokens("race" + Guid.NewGuid().ToString("N")[..8]);
        var readStarted = new TaskCompletionSource();
        var revoked = new TaskCompletionSource();

        // 1. The read misses Redis and asks PostgreSQL, which still says "live".
        var staleRead = cache.GetOrLoadAsync(key, async _ =>
        {
            readStarted.SetResult();
            await revoked.Task;
            return "live";
        }, CancellationToken.None);
        await readStarted.Task;
        // 2. The revocation commits and invalidates while the read is in flight.
        await cache.InvalidateAsync(key);
        revoked.SetResult();
        // 3. The read finishes with what it saw; that serves its own request only.
        Assert.Equal("live", await staleRead);

        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));
        Assert.Equal("revoked", await cache.GetOrLoadAsync(key, _ => Task.FromResult("revoked"), CancellationToken.None));
        Assert.Equal("revoked", await cache.GetOrLoadAsync(key, _ => Task.FromResult("live again?"), CancellationToken.None));
    }

    [Fact]
    public async Task MadeUpTokensLeaveNoKeyInRedis()
    {
        await using var redis = await app.ConnectRedisAsync();
        using var scim = app.CreateScimClient(BearerTokenFormat.Create());
        BearerTokenFormat.TryParse(scim.DefaultRequestHeaders.Authorization!.Parameter, out var lookup, out _);

        Assert.Equal(HttpStatusCode.Unauthorized, await scim.StatusOfAsync());

        Assert.False(await redis.GetDatabase().KeyExistsAsync(SettingsKeys.BearerTokens(lookup)));
    }
}
