using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.Tests.Unit.Realms;

/// <summary>
/// ScimService's settings cache: fresh for its lifetime, then served stale (within a bound) only while
/// PolicyService cannot answer; an invalidation always wins, and an unknown connection is never served.
/// </summary>
public sealed class ConnectionSettingsCacheTests
{
    private static readonly Guid Connection = Guid.NewGuid();
    private readonly ManualClock _clock = new();
    private readonly ConnectionSettingsCache _cache;

    public ConnectionSettingsCacheTests() => _cache = new ConnectionSettingsCache(_clock, NullLogger<ConnectionSettingsCache>.Instance);

    private static ConnectionSettingsDto Settings(CreationAction onCreate) =>
        new(Connection, Guid.NewGuid(), Realm.Dashboard, new ConnectionPolicyDto(onCreate, DeactivationAction.Nothing), []);

    private static Func<CancellationToken, Task<ConnectionSettingsDto?>> Answers(ConnectionSettingsDto? settings) => _ => Task.FromResult(settings);

    private static Task<ConnectionSettingsDto?> Unreachable(CancellationToken _) =>
        Task.FromException<ConnectionSettingsDto?>(new ScimProtocolException(503, null, "PolicyService could not be reached."));

    private Task<ConnectionSettingsDto?> GetAsync(Func<CancellationToken, Task<ConnectionSettingsDto?>> load) =>
        _cache.GetAsync(Connection, load, SettingsWait.Longest, CancellationToken.None);

    [Fact]
    public async Task WithinItsLifetimeTheEntryIsServedWithoutAskingPolicyService()
    {
        var known = Settings(CreationAction.CreateAccount);
        await GetAsync(Answers(known));
        _clock.Now += ConnectionSettingsCache.Lifetime - TimeSpan.FromSeconds(1);

        Assert.Same(known, await GetAsync(_ => throw new InvalidOperationException("PolicyService should not be asked")));
    }

    [Fact]
    public async Task PastItsLifetimeTheEntryIsReadAgainWhenPolicyServiceAnswers()
    {
        await GetAsync(Answers(Settings(CreationAction.Nothing)));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        var changed = Settings(CreationAction.CreateAccount);

        Assert.Same(changed, await GetAsync(Answers(changed)));
    }

    [Fact]
    public async Task WhilePolicyServiceCannotBeReachedTheLastSettingsAreServedWithinTheStaleLimit()
    {
        var known = Settings(CreationAction.CreateAccount);
        await GetAsync(Answers(known));
        _clock.Now += ConnectionSettingsCache.Lifetime + ConnectionSettingsCache.StaleLimit - TimeSpan.FromSeconds(1);

        Assert.Same(known, await GetAsync(Unreachable));
    }

    [Fact]
    public async Task PastTheStaleLimitAnUnreachablePolicyServiceIsAn503()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _clock.Now += ConnectionSettingsCache.Lifetime + ConnectionSettingsCache.StaleLimit;

        var refused = await Assert.ThrowsAsync<ScimProtocolException>(() => GetAsync(Unreachable));
        Assert.Equal(503, refused.Status);
    }

    [Fact]
    public async Task AnInvalidatedEntryIsNeverServedStale()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _cache.Invalidate(Connection);

        await Assert.ThrowsAsync<ScimProtocolException>(() => GetAsync(Unreachable));
    }

    [Fact]
    public async Task AConnectionPolicyServiceNoLongerKnowsIsNotServedStaleLater()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        Assert.Null(await GetAsync(Answers(null)));

        await Assert.ThrowsAsync<ScimProtocolException>(() => GetAsync(Unreachable));
    }

    [Fact]
    public async Task AHungPolicyServiceCostsAStaleRequestOnlyTheShortWaitAndTheNextOneNothing()
    {
        var known = Settings(CreationAction.CreateAccount);
        await GetAsync(Answers(known));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        var hung = new TaskCompletionSource<ConnectionSettingsDto?>();
        var asked = 0;

        var waited = System.Diagnostics.Stopwatch.StartNew();
        Assert.Same(known, await GetAsync(_ => { asked++; return hung.Task; }));
        Assert.InRange(waited.Elapsed, ConnectionSettingsCache.StaleWait - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));
        Assert.Same(known, await GetAsync(_ => { asked++; return hung.Task; }));

        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task AReadThatOutlivesItsRequestStillRefreshesTheEntry()
    {
        await GetAsync(Answers(Settings(CreationAction.Nothing)));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        var late = new TaskCompletionSource<ConnectionSettingsDto?>();
        await GetAsync(_ => late.Task);

        var changed = Settings(CreationAction.CreateAccount);
        late.SetResult(changed);
        await Task.Yield();

        Assert.Same(changed, await GetAsync(_ => throw new InvalidOperationException("the late answer should have been kept")));
    }

    [Fact]
    public async Task AReadThatRacedAnInvalidationServesItsCallerButIsNotKept()
    {
        var inFlight = new TaskCompletionSource<ConnectionSettingsDto?>();
        var read = GetAsync(_ => inFlight.Task);
        _cache.Invalidate(Connection);
        inFlight.SetResult(Settings(CreationAction.Nothing));
        await read;

        var current = Settings(CreationAction.CreateAccount);
        Assert.Same(current, await GetAsync(Answers(current)));
    }

    [Fact]
    public async Task WithNothingToServeARequestWaitsForPolicyServiceOnlyWithinWhatItsBudgetLeft()
    {
        var hung = new TaskCompletionSource<ConnectionSettingsDto?>();
        var waited = System.Diagnostics.Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<ScimProtocolException>(() =>
            _cache.GetAsync(Connection, ct => hung.Task.WaitAsync(ct), TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.Equal(503, refused.Status);
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(1.5));
    }

    [Theory]
    [InlineData(null, 2000)]
    [InlineData("2900", 2000)]
    [InlineData("1500", 1000)]
    [InlineData("300", 100)]
    [InlineData("not a number", 2000)]
    public void WhatTheGatewayLeftOfTheRequestsThreeSecondsBoundsTheSettingsRead(string? budgetHeader, int expectedMilliseconds)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (budgetHeader is not null)
        {
            http.Request.Headers[InternalHeaders.Budget] = budgetHeader;
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), SettingsWait.For(http));
    }
}
