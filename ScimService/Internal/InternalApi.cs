using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Internal;

/// <summary>
/// The read API the Admin UI uses to show a connection's directory. It is never routed by the
/// Gateway (only /scim/v2 is), and it answers only callers holding the internal key.
/// </summary>
public static class InternalApi
{
    public static void AddInternalApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InternalApiOptions>()
            .BindConfiguration(InternalApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    public static void MapInternalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/internal/connections/{connectionId:guid}")
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
                try
                {
                    return await next(context);
                }
                catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
                {
                    // Logged with its detail here; the caller gets ProblemDetails, as every internal API answers.
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InternalApi))
                        .LogError(e, "The internal directory API failed.");
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status500InternalServerError,
                        title: "The directory could not be read.");
                }
            });
        group.MapDirectoryUsersApi();
        group.MapDirectoryGroupsApi();
    }
}
