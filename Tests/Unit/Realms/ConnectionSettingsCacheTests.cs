using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.Contracts;
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

    private static Func<CancellationToken, Task<SettingsLookup>> Answers(ConnectionSettingsDto? settings) =>
        _ => Task.FromResult(settings is null ? SettingsLookup.Unknown.Instance : (SettingsLookup)new SettingsLookup.Found(settings));

    private static Task<SettingsLookup> Unreachable(CancellationToken _) =>
        Task.FromResult<SettingsLookup>(new SettingsLookup.Unavailable("PolicyService could not be reached."));

    private static Func<CancellationToken, Task<SettingsLookup>> Pending(TaskCompletionSource<ConnectionSettingsDto?> answer, Action? asked = null) =>
        _ =>
        {
            asked?.Invoke();
            // Synchronously on the answer, as PolicyService's reply would complete the read.
            return answer.Task.ContinueWith(
                read => read.Result is { } settings ? new SettingsLookup.Found(settings) : (SettingsLookup)SettingsLookup.Unknown.Instance,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        };

    /// <summary>The settings served, or null when there are none to serve (<see cref="SettingsLookup.Unknown"/> or <see cref="SettingsLookup.Unavailable"/>).</summary>
    private async Task<ConnectionSettingsDto?> GetAsync(Func<CancellationToken, Task<SettingsLookup>> load) =>
        (await _cache.GetAsync(Connection, load, SettingsWait.Longest, CancellationToken.None)).SettingsOrNull;

    private Task<SettingsLookup> LookUpAsync(Func<CancellationToken, Task<SettingsLookup>> load) =>
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
    public async Task PastTheStaleLimitAnUnreachablePolicyServiceIsUnavailable()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _clock.Now += ConnectionSettingsCache.Lifetime + ConnectionSettingsCache.StaleLimit;

        Assert.IsType<SettingsLookup.Unavailable>(await LookUpAsync(Unreachable));
    }

    [Fact]
    public async Task AnInvalidatedEntryIsNeverServedStale()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _cache.Invalidate(Connection);

        Assert.IsType<SettingsLookup.Unavailable>(await LookUpAsync(Unreachable));
    }

    [Fact]
    public async Task AConnectionPolicyServiceNoLongerKnowsIsNotServedStaleLater()
    {
        await GetAsync(Answers(Settings(CreationAction.CreateAccount)));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        Assert.IsType<SettingsLookup.Unknown>(await LookUpAsync(Answers(null)));

        Assert.IsType<SettingsLookup.Unavailable>(await LookUpAsync(Unreachable));
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
        Assert.Same(known, await GetAsync(Pending(hung, () => asked++)));
        Assert.InRange(waited.Elapsed, ConnectionSettingsCache.StaleWait - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));
        Assert.Same(known, await GetAsync(Pending(hung, () => asked++)));

        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task AReadThatOutlivesItsRequestStillRefreshesTheEntry()
    {
        await GetAsync(Answers(Settings(CreationAction.Nothing)));
        _clock.Now += ConnectionSettingsCache.Lifetime;
        var late = new TaskCompletionSource<ConnectionSettingsDto?>();
        await GetAsync(Pending(late));

        var changed = Settings(CreationAction.CreateAccount);
        late.SetResult(changed);
        await Task.Yield();

        Assert.Same(changed, await GetAsync(_ => throw new InvalidOperationException("the late answer should have been kept")));
    }

    [Fact]
    public async Task AReadThatRacedAnInvalidationServesItsCallerButIsNotKept()
    {
        var inFlight = new TaskCompletionSource<ConnectionSettingsDto?>();
        var read = GetAsync(Pending(inFlight));
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

        var lookup = await _cache.GetAsync(Connection, Pending(hung), TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.IsType<SettingsLookup.Unavailable>(lookup);
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
