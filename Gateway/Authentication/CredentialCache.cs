using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway.Caching;
using Provisioning.Gateway.Observability;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// PolicyService's answers about credentials, kept in memory for seconds (an accepted one a
/// little longer than a refused one); an accepted one is dropped at once when PolicyService
/// publishes a change to its settings. The cache is its own and bounded in entries, so a flood of
/// made-up tokens cannot grow the Gateway's memory.
/// <para>
/// A credential in use is checked again before its answer expires: a request that finds the answer in the
/// last third of its lifetime is served from it and starts one check in the background, so an IdP's
/// connections do not all stop and wait for PolicyService every few seconds. The answer still lives no
/// longer than its lifetime, so a revocation is felt as soon as before (or sooner, when the refresh sees it).
/// </para>
/// </summary>
public sealed class CredentialCache(SettingsInvalidation invalidation, IOptions<GatewayOptions> options) : IDisposable
{
    private const string Name = "credentials";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, long Generation), Task<CredentialCheckResult?>> _inFlight = new();

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = options.Value.CredentialCacheEntries });

    /// <summary>From this age on, an accepted answer that serves a request is checked again in the background.</summary>
    private readonly TimeSpan _refreshAfter = options.Value.AcceptedTokenCacheLifetime * 2 / 3;

    /// <summary>PolicyService's answer and when it was asked for (<see cref="Stopwatch"/> ticks).</summary>
    private sealed record Answer(CredentialCheckResult? Result, long AskedAt);

    /// <summary>Answers kept now (for tests and diagnostics).</summary>
    public int Count => _answers.Count;

    /// <param name="check">Asks PolicyService.</param>
    /// <param name="beforeAsking">Runs before a check that this request waits for (it may refuse by throwing); not before a background refresh.</param>
    public async Task<CredentialCheckResult?> GetOrCheckAsync(
        string cacheKey, string settingsKey, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken,
        Action? beforeAsking = null)
    {
        if (_answers.TryGetValue(cacheKey, out Answer? known))
        {
            GatewayTelemetry.CacheLookup(Name, "hit");
            if (known!.Result is not null && Stopwatch.GetElapsedTime(known.AskedAt) >= _refreshAfter)
            {
                RefreshInBackground(cacheKey, settingsKey, check);
            }
            return known.Result;
        }
        var generation = invalidation.Generation;
        // Requests that miss together (an IdP's parallel connections when the entry expires) share one
        // check of the same generation, instead of each asking PolicyService and each spending the
        // address's failed-credential allowance on a credential that is fine.
        var flight = (cacheKey, generation);
        var leader = new TaskCompletionSource<CredentialCheckResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _inFlight.GetOrAdd(flight, leader.Task);
        GatewayTelemetry.CacheLookup(Name, shared == leader.Task ? "miss" : "shared");
        if (shared != leader.Task)
        {
            try
            {
                return await shared.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !PolicyServiceUnreachable(e))
            {
                // The leader's own failure (its request aborted, its address over its limit): check for ourselves.
                // Not when PolicyService could not answer: asking again would wait as long again, past the 3 s bound.
                beforeAsking?.Invoke();
                return await CheckAndKeepAsync(cacheKey, settingsKey, generation, check, cancellationToken);
            }
        }
        try
        {
            beforeAsking?.Invoke();
            var result = await CheckAndKeepAsync(cacheKey, settingsKey, generation, check, cancellationToken);
            leader.SetResult(result);
            return result;
        }
        catch (Exception e)
        {
            leader.SetException(e);
            _ = leader.Task.Exception; // observed here; followers that joined observe it too
            throw;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(flight, leader.Task));
        }
    }

    /// <summary>
    /// One check of an answer in use, unless one is under way. Requests that miss while it runs (the answer
    /// expired meanwhile) wait for it as for any shared check. A failure changes nothing: the answer lives out
    /// its lifetime and the request after it asks again.
    /// </summary>
    private void RefreshInBackground(string cacheKey, string settingsKey, Func<CancellationToken, Task<CredentialCheckResult?>> check)
    {
        var generation = invalidation.Generation;
        var flight = (cacheKey, generation);
        var refresh = new TaskCompletionSource<CredentialCheckResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inFlight.TryAdd(flight, refresh.Task))
        {
            return;
        }
        _ = RefreshAsync();

        async Task RefreshAsync()
        {
            try
            {
                // Bounded by the PolicyService client's own timeouts, not by the request that started it.
                refresh.SetResult(await CheckAndKeepAsync(cacheKey, settingsKey, generation, check, CancellationToken.None));
            }
            catch (Exception e)
            {
                refresh.SetException(e);
                _ = refresh.Task.Exception; // observed here; requests that joined observe it too
            }
            finally
            {
                _inFlight.TryRemove(KeyValuePair.Create(flight, refresh.Task));
            }
        }
    }

    private async Task<CredentialCheckResult?> CheckAndKeepAsync(
        string cacheKey, string settingsKey, long generation, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken)
    {
        var askedAt = Stopwatch.GetTimestamp();
        var result = await check(cancellationToken);
        if (result is null)
        {
            _answers.Set(cacheKey, new Answer(result, askedAt),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.RefusedTokenCacheLifetime });
            return result;
        }
        var changed = invalidation.Watch(settingsKey);
        if (invalidation.Generation != generation)
        {
            // Something changed while PolicyService answered; the next request asks again.
            return result;
        }
        using (var entry = _answers.CreateEntry(cacheKey))
        {
            entry.Value = new Answer(result, askedAt);
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = options.Value.AcceptedTokenCacheLifetime;
            entry.AddExpirationToken(changed);
        }
        return result;
    }

    /// <summary>PolicyService down, timed out or behind an open circuit: the same for every request that shared the check.</summary>
    public static bool PolicyServiceUnreachable(Exception e) => e is HttpRequestException or Polly.ExecutionRejectedException;

    public void Dispose() => _answers.Dispose();
}
