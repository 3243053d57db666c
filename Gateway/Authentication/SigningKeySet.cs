using Microsoft.IdentityModel.Tokens;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// The public keys that verify OAuth access tokens, from PolicyService's JWKS document: fetched
/// at start-up, refreshed periodically, and at once (at most every few seconds) when a token
/// names a key not seen yet — which is how a rotation reaches the Gateway before the old key retires.
/// </summary>
public sealed class SigningKeySet(PolicyServiceClient policyService, TimeProvider clock, ILogger<SigningKeySet> logger)
{
    private static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile IReadOnlyList<JsonWebKey> _keys = [];
    /// <summary>When a fetch last began, whether it succeeded or not: a failing PolicyService is not asked again at once.</summary>
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    public IReadOnlyList<JsonWebKey> Keys => _keys;

    public bool Knows(string? keyId) => keyId is not null && _keys.Any(k => k.KeyId == keyId);

    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(null, cancellationToken);

    /// <summary>
    /// Whether a token's key is known, once the keys were fetched again for it, unless a fetch began in the last
    /// two seconds: made-up key ids cannot flood PolicyService, neither while it answers nor while it fails, and
    /// requests that queued behind a fetch take its answer instead of asking again.
    /// </summary>
    public async Task<bool> RefreshForUnknownKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!AttemptedWithin(UnknownKeyRefreshInterval))
        {
            await RefreshAsync(UnknownKeyRefreshInterval, cancellationToken);
        }
        return Knows(keyId);
    }

    private bool AttemptedWithin(TimeSpan interval) => clock.GetUtcNow() - _attemptedAt < interval;

    private async Task<bool> RefreshAsync(TimeSpan? unlessAttemptedWithin, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (unlessAttemptedWithin is { } interval && AttemptedWithin(interval))
            {
                return false;
            }
            _attemptedAt = clock.GetUtcNow();
            var document = await policyService.GetSigningKeysAsync(cancellationToken);
            _keys = new JsonWebKeySet(document).Keys.Where(k => k.Use is null or "sig").ToList();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or Polly.ExecutionRejectedException
                                      || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not fetch the access-token signing keys ({Fault}).", e.GetType().Name);
            return false;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>Fetches the signing keys at start-up (retrying until PolicyService answers) and every few minutes after.</summary>
public sealed class SigningKeyRefresher(SigningKeySet keys) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var refreshed = await keys.RefreshAsync(stoppingToken);
                await Task.Delay(refreshed ? RefreshInterval : RetryInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
