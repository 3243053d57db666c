using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.RateLimiting;
using Yarp.ReverseProxy.Forwarder;

namespace Provisioning.Gateway.Limits;

/// <summary>
/// Caps request bodies at the public door: a declared length over the cap is refused before a byte is
/// read; a chunked body is cut off by Kestrel once it passes the cap.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>SCIM requests, Bulk payloads included (<see cref="GatewayOptions.MaxRequestBodyBytes"/>).</summary>
    public static IApplicationBuilder UseScimRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = Options(context).MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await ScimErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    $"The request body is larger than the {limit} bytes this service accepts.");
                return;
            }
            CapReads(context, limit);
            await next(context);
        });

    /// <summary>
    /// Every other route: the token endpoint and the Admin UI (<see cref="GatewayOptions.MaxFormBodyBytes"/>).
    /// A chunked body that outgrows the cap fails while YARP streams it on; that is answered 413 too.
    /// </summary>
    public static IApplicationBuilder UseFormRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = Options(context).MaxFormBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await RejectFormAsync(context, limit);
                return;
            }
            CapReads(context, limit);
            await next(context);
            // YARP has set the status from Kestrel's refusal (wrapped with the cancelled upstream send) and sent nothing yet.
            if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge
                && context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.RequestBodyClient })
            {
                await RejectFormAsync(context, limit);
            }
        });

    private static GatewayOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;

    private static void CapReads(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>A token request gets an RFC 6749 §5.2 shaped error, a page of the Admin UI a problem document.</summary>
    private static Task RejectFormAsync(HttpContext context, long limit)
    {
        var detail = $"The request body is larger than the {limit} bytes this endpoint accepts.";
        var response = context.Response;
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (context.Request.Path.StartsWithSegments(AddressLimitedRoutes.TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.CacheControl = "no-store";
            return response.WriteAsJsonAsync(new { error = "invalid_request", error_description = detail });
        }
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large").ExecuteAsync(context);
    }
}
