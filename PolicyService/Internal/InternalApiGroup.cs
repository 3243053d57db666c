using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.PolicyService.Internal;

public static class InternalApiGroup
{
    /// <summary>A route group under /internal that answers only callers holding the internal key.</summary>
    public static RouteGroupBuilder MapInternalGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/internal" + prefix)
            .WithTags(tag)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var options = http.RequestServices.GetRequiredService<IOptions<InternalApiOptions>>().Value;
                if (!InternalApiKey.Matches(http.Request.Headers[InternalHeaders.ApiKey], options.Key))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status401Unauthorized,
                        title: "The internal API key is missing or wrong.");
                }
                return await next(context);
            });
}
