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
/// </summary>
public sealed class CredentialCache(SettingsInvalidation invalidation, IOptions<GatewayOptions> options) : IDisposable
{
    private const string Name = "credentials";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, long Generation), Task<CredentialCheckResult?>> _inFlight = new();

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = options.Value.CredentialCacheEntries });

    /// <summary>Answers kept now (for tests and diagnostics).</summary>
    public int Count => _answers.Count;

    public async Task<CredentialCheckResult?> GetOrCheckAsync(
        string cacheKey, string settingsKey, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(cacheKey, out CredentialCheckResult? known))
        {
            GatewayTelemetry.CacheLookup(Name, "hit");
            return known;
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
                return await CheckAndKeepAsync(cacheKey, settingsKey, generation, check, cancellationToken);
            }
        }
        try
        {
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

    private async Task<CredentialCheckResult?> CheckAndKeepAsync(
        string cacheKey, string settingsKey, long generation, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken)
    {
        var result = await check(cancellationToken);
        if (result is null)
        {
            _answers.Set(cacheKey, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.RefusedTokenCacheLifetime });
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
            entry.Value = result;
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
