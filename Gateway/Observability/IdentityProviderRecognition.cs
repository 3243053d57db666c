using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Provisioning.Gateway.Authentication;

namespace Provisioning.Gateway.Observability;

/// <summary>
/// Tags each SCIM request with the IdP that sent it — on the trace, as a dimension of the
/// request-duration metric, and in the log scope — for the provisioning log and the dashboards.
/// Only the IdP's name is recorded, never a header value.
/// </summary>
public static class IdentityProviderRecognition
{
    public const string Tag = "provisioning.identity_provider";

    private sealed record Recognized(string Name);

    public static string Of(HttpContext context) => context.Features.Get<Recognized>()?.Name ?? IdentityProviders.Recognize(context.Request);

    public static IApplicationBuilder UseIdentityProviderRecognition(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var identityProvider = IdentityProviders.Recognize(context.Request);
            context.Features.Set(new Recognized(identityProvider));
            Activity.Current?.SetTag(Tag, identityProvider);
            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Tag, identityProvider));
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Provisioning.Gateway.Scim");
            var resource = GatewayTelemetry.ResourceOf(context.Request.Path);
            // "SCIM POST /Users", not the route template every SCIM request shares.
            SpanName.Set(context, $"SCIM {context.Request.Method} /{resource}");
            using (logger.BeginScope(new Dictionary<string, object> { ["IdentityProvider"] = identityProvider }))
            {
                try
                {
                    await next(context);
                }
                finally
                {
                    GatewayTelemetry.ScimRequest(identityProvider, resource, context.Request.Method, context.Response.StatusCode);
                }
            }
        });
}
