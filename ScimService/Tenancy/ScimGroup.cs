using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Tenancy;

public static class ScimGroup
{
    /// <summary>
    /// The /scim/v2 route group. Every request must carry a tenant context signed by the
    /// Gateway for this method and path; anything else (a direct call, a forged or expired
    /// context, one replayed on another request) is refused here, before the body is read.
    /// </summary>
    public static RouteGroupBuilder MapScimGroup(this IEndpointRouteBuilder app)
    {
        var signer = new TenantContextSigner(app.ServiceProvider.GetRequiredService<IOptions<TenancyOptions>>().Value.ContextSigningKey);
        var clock = app.ServiceProvider.GetRequiredService<TimeProvider>();
        return app.MapGroup("/scim/v2").WithScimErrors().AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var request = http.Request;
            var context = signer.Verify(request.Headers[InternalHeaders.Context], request.Method, (request.PathBase + request.Path).Value ?? "/", clock.GetUtcNow());
            if (context is null)
            {
                return ScimResults.Error(StatusCodes.Status401Unauthorized,
                    "This service answers only requests that come through the gateway.");
            }
            http.Features.Set(context);
            Observability.ScimTelemetry.Tenant(context);
            PublicOrigin.Apply(request, context);
            return await next(invocation);
        });
    }

    public static TenantContext Tenant(this HttpContext http) =>
        http.Features.Get<TenantContext>() ?? throw new InvalidOperationException("The SCIM group filter sets the tenant context.");
}
