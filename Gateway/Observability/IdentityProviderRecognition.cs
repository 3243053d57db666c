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

    private sealed record Recognized(string Name, ScimLogScope Scope);

    public static string Of(HttpContext context) => context.Features.Get<Recognized>()?.Name ?? IdentityProviders.Recognize(context.Request);

    /// <summary>The request's log scope, to which the authenticator adds the connection.</summary>
    public static ScimLogScope? ScopeOf(HttpContext context) => context.Features.Get<Recognized>()?.Scope;

    public static IApplicationBuilder UseIdentityProviderRecognition(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Provisioning.Gateway.Scim");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var identityProvider = IdentityProviders.Recognize(context.Request);
            var scope = new ScimLogScope(identityProvider);
            context.Features.Set(new Recognized(identityProvider, scope));
            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(Tag, identityProvider));
            var resource = GatewayTelemetry.ResourceOf(context.Request.Path);
            if (Activity.Current is { IsAllDataRequested: true } activity)
            {
                // Only a sampled span is named and tagged: "SCIM POST /Users", not the route template every SCIM request shares.
                activity.SetTag(Tag, identityProvider);
                SpanName.Set(context, $"SCIM {context.Request.Method} /{resource}");
            }
            using (logger.BeginScope(scope))
            {
                try
                {
                    await next(context);
                }
                finally
                {
                    GatewayTelemetry.ScimRequest(identityProvider, resource, context.Request.Method, context.Response.StatusCode);
                    SlowOrFailedRequests.Record(logger, context.Request.Method, resource, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
                }
            }
        });
    }
}
