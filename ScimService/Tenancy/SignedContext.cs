using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.ScimService.Observability;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Tenancy;

public static class SignedContext
{
    /// <summary>
    /// Every request of the group must carry a tenant context signed by the Gateway for this
    /// method and path; anything else (a direct call, a forged or expired context, one replayed on
    /// another request) is refused here, before the body is read.
    /// </summary>
    public static RouteGroupBuilder RequireSignedContext(this RouteGroupBuilder group)
    {
        var services = ((IEndpointRouteBuilder)group).ServiceProvider;
        var signer = new TenantContextSigner(services.GetRequiredService<IOptions<TenancyOptions>>().Value.ContextSigningKey);
        var clock = services.GetRequiredService<TimeProvider>();
        return group.AddEndpointFilter(async (invocation, next) =>
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
            ScimTelemetry.Tenant(context);
            PublicOrigin.Apply(request, context);
            return await next(invocation);
        });
    }
}
