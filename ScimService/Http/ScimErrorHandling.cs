using Microsoft.AspNetCore.Diagnostics;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Http;

public static class ScimErrorHandling
{
    /// <summary>Turns a protocol error raised anywhere in an endpoint into its SCIM error response.</summary>
    public static RouteGroupBuilder WithScimErrors(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (ScimProtocolException e)
            {
                return ScimResults.Error(e.Status, e.Message, e.ScimType);
            }
        });

    /// <summary>
    /// Responses that the routing produces without a body (404 for an unknown path, 405 for a
    /// method a resource does not allow) and unhandled faults get an error body in the route's
    /// protocol: SCIM error JSON under /scim, ProblemDetails under /internal — never the developer
    /// page, which would echo the request's headers (the internal key among them).
    /// </summary>
    public static void UseScimErrorBodies(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/scim"), scim => scim.UseScimErrorBodies());
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/internal"), internalApi => internalApi
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf })
            .UseStatusCodePages());
    }

    /// <summary>A request that could not be read or bound (400, 413) keeps its status; anything else is our fault.</summary>
    private static int StatusOf(Exception e) => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static void UseScimErrorBodies(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(failed => failed.Run(context =>
        {
            var status = context.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? StatusOf(error) : StatusCodes.Status500InternalServerError;
            return ScimResults.Error(status, status == StatusCodes.Status500InternalServerError
                    ? "The server failed to handle this request. It has been logged."
                    : "The request could not be read.")
                .ExecuteAsync(context);
        }));
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var detail = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No SCIM endpoint at {http.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
                _ => $"The request failed with status {http.Response.StatusCode}.",
            };
            return ScimResults.Error(http.Response.StatusCode, detail).ExecuteAsync(http);
        });
    }
}
