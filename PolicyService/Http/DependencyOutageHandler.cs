using Microsoft.AspNetCore.Diagnostics;
using Provisioning.Contracts;
using Provisioning.PolicyService.OAuth;

namespace Provisioning.PolicyService.Http;

/// <summary>
/// A request that failed because PostgreSQL or Redis is down, or too slow for the connection string's
/// bounds, answers 503 with Retry-After instead of 500: an OAuth error on the token endpoint (which IdPs
/// call), ProblemDetails on the internal API (whose callers retry or answer 503 themselves).
/// </summary>
public sealed class DependencyOutageHandler(ILogger<DependencyOutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DependencyOutage.IsOutage(exception))
        {
            return false;
        }
        logger.LogWarning("Answered 503: a dependency is down ({Fault}: {Message}).", exception.GetType().Name, exception.Message);
        httpContext.Response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
        if (httpContext.Request.Path.StartsWithSegments("/oauth"))
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            await TypedResults.Json(OAuthError.TemporarilyUnavailable(DependencyOutage.Detail), statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
        }
        else
        {
            await TypedResults.Problem(DependencyOutage.Detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
        }
        return true;
    }
}
