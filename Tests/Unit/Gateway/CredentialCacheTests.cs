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
}
