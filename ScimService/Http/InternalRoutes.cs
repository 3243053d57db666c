using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Http;

public sealed class InternalKeyOptions
{
    public const string Section = "InternalApi";

    /// <summary>The credential services present to each other in the internal-key header (an Aspire parameter).</summary>
    [Required, MinLength(32)]
    public string Key { get; set; } = "";
}

public static class InternalRoutes
{
    /// <summary>
    /// A route group under /internal that answers only callers holding the internal key. The
    /// Gateway never routes /internal, so only the system's own services reach it.
    /// </summary>
    public static RouteGroupBuilder MapInternalRoutes(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup("/internal" + prefix).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptions<InternalKeyOptions>>().Value;
            if (!InternalApiKey.Matches(http.Request.Headers[InternalHeaders.ApiKey], options.Key))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The internal API key is missing or wrong.");
            }
            return await next(context);
        });
}
