namespace Provisioning.Gateway.Observability;

/// <summary>
/// A warning for each SCIM request answered with a 5xx or slower than <see cref="Slow"/>. Production samples
/// a tenth of the traces (docs/observability.md#sampling); these lines, with their trace id, are how an
/// error or a slow request that was not sampled is still found.
/// </summary>
public static partial class SlowOrFailedRequests
{
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static void Record(ILogger logger, string method, string resource, int status, TimeSpan elapsed)
    {
        if (status >= StatusCodes.Status500InternalServerError || elapsed >= Slow)
        {
            Answered(logger, method, resource, status, (long)elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SCIM {Method} /{Resource} answered {Status} after {ElapsedMs} ms.")]
    private static partial void Answered(ILogger logger, string method, string resource, int status, long elapsedMs);
}
