using Microsoft.AspNetCore.Diagnostics;

namespace Provisioning.Gateway.Errors;

/// <summary>
/// A fault inside the Gateway answers in the protocol of the route — SCIM error JSON on SCIM
/// routes, ProblemDetails elsewhere — and is logged without the request's headers. Never the
/// developer page: the Gateway is public, and that page echoes headers and stack traces.
/// </summary>
public static class GatewayExceptionHandler
{
    public const string Detail = "The gateway failed to handle this request. It has been logged.";

    public static IApplicationBuilder UseGatewayExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(failed => failed.Run(WriteAsync));

    public static Task WriteAsync(HttpContext context)
    {
        var status = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
            ? bad.StatusCode
            : StatusCodes.Status500InternalServerError;
        return ScimRoutes.Matches(context)
            ? ScimErrors.WriteAsync(context, status, status == StatusCodes.Status500InternalServerError ? Detail : "The request could not be read.")
            : TypedResults.Problem(status == StatusCodes.Status500InternalServerError ? Detail : "The request could not be read.", statusCode: status)
                .ExecuteAsync(context);
    }
}
