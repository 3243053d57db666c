using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Provisioning.Gateway.Authentication;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// A token bucket per credential, shared by every Gateway replica through Redis (see
/// <see cref="SharedTokenBucketLimiter"/>): the Gateway's default, or the connection's own limit
/// from PolicyService. The partition key carries the limit, so a changed limit takes effect with
/// the next credential check. Over the limit: 429 SCIM error with Retry-After.
/// </summary>
public static class CredentialRateLimiting
{
    public static IServiceCollection AddCredentialRateLimiting(this IServiceCollection services) =>
        services.AddSingleton<SharedTokenBuckets>().AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, CredentialLimit>(Partition);
            limiter.OnRejected = RejectAsync;
        });

    /// <summary>A partition per credential and limit: a struct, so finding a request's partition allocates nothing.</summary>
    private readonly record struct CredentialLimit(Guid CredentialId, int PerSecond, int Burst);

    private static RateLimitPartition<CredentialLimit> Partition(HttpContext context)
    {
        if (context.Features.Get<AuthenticatedCredential>() is not { } authenticated)
        {
            return RateLimitPartition.GetNoLimiter(default(CredentialLimit));
        }
        var defaults = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var perSecond = authenticated.Credential.RateLimit?.RequestsPerSecond ?? defaults.RateLimitRequestsPerSecond;
        var burst = authenticated.Credential.RateLimit?.Burst ?? defaults.RateLimitBurst;
        return RateLimitPartition.Get(
            new CredentialLimit(authenticated.Credential.CredentialId, perSecond, burst),
            key => new SharedTokenBucketLimiter(
                context.RequestServices.GetRequiredService<SharedTokenBuckets>(), key.CredentialId.ToString("N"), key.PerSecond, key.Burst, defaults.ReplicaCount));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        Observability.GatewayTelemetry.RateLimitRejected("credential");
        await ScimErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
            $"Too many requests for this credential. Retry after {seconds} s.");
    }
}
