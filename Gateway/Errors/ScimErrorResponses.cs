using Yarp.ReverseProxy.Forwarder;

namespace Provisioning.Gateway.Errors;

/// <summary>
/// Gives every error the Gateway itself produces on SCIM routes a SCIM error body: YARP's 502/503/504
/// when ScimService cannot be reached, a request timeout, and the 404/405 of the SCIM fallback.
/// Responses that already have a body (ScimService's own errors) pass untouched.
/// </summary>
public static class ScimErrorResponses
{
    public static IApplicationBuilder UseScimErrorResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (response.HasStarted || response.StatusCode < 400 || response.ContentType is not null || response.ContentLength > 0)
            {
                return;
            }
            var forwarderError = context.Features.Get<IForwarderErrorFeature>();
            // A chunked body that outgrew the cap fails while YARP streams it; say so, not "bad request".
            var status = forwarderError switch
            {
                { Exception: BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } } => StatusCodes.Status413PayloadTooLarge,
                // No connection to a ScimService replica: a retry will find one (or it restarts), so say 503 with Retry-After.
                { Error: ForwarderError.Request or ForwarderError.NoAvailableDestinations } => StatusCodes.Status503ServiceUnavailable,
                _ => response.StatusCode,
            };
            await ScimErrors.WriteAsync(context, status, Detail(status, forwarderError));
        });

    /// <summary>
    /// Unknown paths under <c>/scim</c> get a SCIM 404; a path under <c>/scim/v2</c> that the proxy
    /// route did not take was refused for its method: 405.
    /// </summary>
    public static void MapScimFallback(this IEndpointRouteBuilder app) =>
        app.Map("/scim/{**rest}", (HttpContext context) =>
        {
            if (context.Request.Path.StartsWithSegments("/scim/v2", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Allow = string.Join(", ", ScimRoutes.Methods);
                return ScimErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                    $"The method {context.Request.Method} is not allowed here.");
            }
            return ScimErrors.WriteAsync(context, StatusCodes.Status404NotFound,
                "There is no SCIM endpoint at this path. The SCIM base URL ends in /scim/v2.");
        });

    private static string Detail(int status, IForwarderErrorFeature? forwarderError) => status switch
    {
        StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable when forwarderError is not null =>
            "The SCIM service cannot be reached right now. Try again shortly.",
        StatusCodes.Status504GatewayTimeout => "The SCIM service did not answer in time.",
        StatusCodes.Status503ServiceUnavailable => "The SCIM service is not available right now. Try again shortly.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed here.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when forwarderError is not null => "The request could not be forwarded to the SCIM service.",
        _ => "The request could not be completed.",
    };
}
