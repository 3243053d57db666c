using Microsoft.AspNetCore.Diagnostics;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Http;

/// <summary>
/// A request that failed because PostgreSQL or PolicyService is down (or frozen past its
/// timeouts) answers 503 with Retry-After: a SCIM error on SCIM routes, ProblemDetails on the
/// internal API. The connection timeouts bound how long that takes (see docs/reliability.md).
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
        if (httpContext.Request.Path.StartsWithSegments("/internal"))
        {
            httpContext.Response.Headers.RetryAfter = ScimError.RetryAfterSeconds;
            await TypedResults.Problem(DependencyOutage.Detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
        }
        else
        {
            await ScimResults.Error(StatusCodes.Status503ServiceUnavailable, DependencyOutage.Detail).ExecuteAsync(httpContext);
        }
        return true;
    }
}
