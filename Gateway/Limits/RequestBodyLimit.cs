using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Provisioning.Gateway.Limits;

public static class RequestBodyLimit
{
    /// <summary>
    /// Caps SCIM request bodies: a declared length over the cap is refused before a byte is
    /// read; a chunked body is cut off by Kestrel once it passes the cap.
    /// </summary>
    public static IApplicationBuilder UseScimRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await ScimErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    $"The request body is larger than the {limit} bytes this service accepts.");
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
        });
}
