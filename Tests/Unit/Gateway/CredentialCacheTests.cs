using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Caching;
using CredentialCache = Provisioning.Gateway.Authentication.CredentialCache;

namespace Provisioning.Tests.Unit.Gateway;

public sealed class CredentialCacheTests
{
    private static CredentialCache Cache(int entries) =>
        new(new SettingsInvalidation(), Options.Create(new GatewayOptions { CredentialCacheEntries = entries, RefusedTokenCacheLifetime = TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task AFloodOfMadeUpTokensCannotGrowTheCacheBeyondItsBound()
    {
        using var cache = Cache(100);

        for (var i = 0; i < 1_000; i++)
        {
            await cache.GetOrCheckAsync($"token:{i}", "settings", _ => Task.FromResult<CredentialCheckResult?>(null), CancellationToken.None);
        }

        Assert.InRange(cache.Count, 1, 100);
    }

    [Fact]
    public async Task ARefusedAnswerIsKeptForItsLifetimeSoTheSameTokenIsNotCheckedTwice()
    {
        using var cache = Cache(100);
        var checks = 0;

        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrCheckAsync("token:same", "settings", _ => { checks++; return Task.FromResult<CredentialCheckResult?>(null); }, CancellationToken.None);
        }

        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task RequestsThatMissTogetherShareOneCheck()
    {
        using var cache = Cache(100);
        var checks = 0;
        var answer = new TaskCompletionSource<CredentialCheckResult?>();

        var requests = Enumerable.Range(0, 32).Select(_ => cache.GetOrCheckAsync("token:busy", "settings",
            _ => { Interlocked.Increment(ref checks); return answer.Task; }, CancellationToken.None)).ToList();
        answer.SetResult(null);
        await Task.WhenAll(requests);

        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task AFollowerChecksForItselfWhenTheSharedCheckFailsForItsLeader()
    {
        using var cache = Cache(100);
        var leaderCheck = new TaskCompletionSource<CredentialCheckResult?>();
        var leader = cache.GetOrCheckAsync("token:t", "settings", _ => leaderCheck.Task, CancellationToken.None);
        var follower = cache.GetOrCheckAsync("token:t", "settings", _ => Task.FromResult<CredentialCheckResult?>(null), CancellationToken.None);

        leaderCheck.SetException(new InvalidOperationException("the leader's address is over its limit"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => leader);
        Assert.Null(await follower);
    }

    [Fact]
    public async Task WhenPolicyServiceCouldNotAnswerTheLeaderItsFollowersGetTheSameAnswerAtOnceInsteadOfWaitingAgain()
    {
        using var cache = Cache(100);
        var leaderCheck = new TaskCompletionSource<CredentialCheckResult?>();
        var followerChecks = 0;
        var leader = cache.GetOrCheckAsync("token:t", "settings", _ => leaderCheck.Task, CancellationToken.None);
        var follower = cache.GetOrCheckAsync("token:t", "settings", _ => { followerChecks++; return Task.FromResult<CredentialCheckResult?>(null); }, CancellationToken.None);

        leaderCheck.SetException(new HttpRequestException("PolicyService refused the connection"));

        await Assert.ThrowsAsync<HttpRequestException>(() => leader);
        await Assert.ThrowsAsync<HttpRequestException>(() => follower);
        Assert.Equal(0, followerChecks);
    }

    [Fact]
    public async Task ACredentialInUseIsCheckedAgainBeforeItsAnswerExpiresWithoutARequestWaitingForIt()
    {
        // 6 s, refreshed from 4 s: the wait below lands in between with a second and more to spare, which a
        // loaded machine's timers need (with 3 s and 0.7 s to spare the answer once expired before the request).
        using var cache = new CredentialCache(new SettingsInvalidation(),
            Options.Create(new GatewayOptions { AcceptedTokenCacheLifetime = TimeSpan.FromSeconds(6) }));
        var accepted = Accepted();
        var checks = 0;
        var refresh = new TaskCompletionSource<CredentialCheckResult?>();
        Task<CredentialCheckResult?> Check(CancellationToken _) => Interlocked.Increment(ref checks) == 1 ? Task.FromResult<CredentialCheckResult?>(accepted) : refresh.Task;
        var asked = 0;

        Assert.Same(accepted, await cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None, () => asked++));
        await Task.Delay(4300); // into the last third of the answer's 6 s
        var served = cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None, () => asked++);

        Assert.True(served.IsCompletedSuccessfully, "the request was served the answer it had, not made to wait for the refresh");
        Assert.Same(accepted, await served);
        Assert.Equal(2, checks);
        var next = cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None, () => asked++);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(2, checks); // one refresh at a time
        Assert.Equal(1, asked); // a refresh takes nothing of the address's failed-credential allowance
        refresh.SetResult(accepted);
    }

    [Fact]
    public async Task ARefreshThatFindsTheCredentialRevokedRefusesTheNextRequest()
    {
        using var cache = new CredentialCache(new SettingsInvalidation(),
            Options.Create(new GatewayOptions { AcceptedTokenCacheLifetime = TimeSpan.FromSeconds(6), RefusedTokenCacheLifetime = TimeSpan.FromMinutes(1) }));
        var revoked = new TaskCompletionSource<CredentialCheckResult?>();
        var checks = 0;
        Task<CredentialCheckResult?> Check(CancellationToken _) => Interlocked.Increment(ref checks) == 1 ? Task.FromResult<CredentialCheckResult?>(Accepted()) : revoked.Task;

        await cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None);
        await Task.Delay(4300); // into the last third of the answer's 6 s
        Assert.NotNull(await cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None));
        revoked.SetResult(null);
        await Task.Delay(50);

        Assert.Null(await cache.GetOrCheckAsync("token:t", "settings", Check, CancellationToken.None));
        Assert.Equal(2, checks);
    }

    private static CredentialCheckResult Accepted() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Realm.Dashboard, true, null);
}
