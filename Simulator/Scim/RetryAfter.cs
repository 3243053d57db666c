using System.Net.Http.Headers;

namespace Provisioning.Simulator.Scim;

/// <summary>
/// How long an IdP waits after a 429: what Retry-After says (seconds or an HTTP date), else a doubling
/// back-off from one second. Both Okta and Entra slow down and retry rather than fail the change.
/// </summary>
public static class RetryAfter
{
    public const int MaxAttempts = 6;
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public static TimeSpan Delay(RetryConditionHeaderValue? header, int attempt, DateTimeOffset now)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.FromSeconds(Math.Pow(2, Math.Max(0, attempt - 1))),
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Longest ? Longest : delay;
    }
}
