using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Yarp.ReverseProxy.Transforms;

namespace Provisioning.Gateway.Context;

/// <summary>Adds the signed tenant context to SCIM requests on their way to ScimService, in place of the bearer credential.</summary>
public sealed class ContextSigning(IOptions<GatewayOptions> options, TimeProvider clock)
{
    private readonly TenantContextSigner _signer = new(options.Value.ContextSigningKey);

    /// <summary>The lifetime counts from the moment the request leaves for ScimService, not from authentication.</summary>
    public string Sign(TenantContext context, string method, string path, string publicOrigin) =>
        _signer.Sign(context with { ExpiresAt = clock.GetUtcNow() + options.Value.ContextLifetime, PublicOrigin = publicOrigin }, method, path);

    public static ValueTask AddSignedContextAsync(RequestTransformContext transform)
    {
        if (transform.HttpContext.Features.Get<TenantContext>() is { } context)
        {
            var signing = transform.HttpContext.RequestServices.GetRequiredService<ContextSigning>();
            transform.ProxyRequest.Headers.Remove(InternalHeaders.Context);
            // Bound to the request as ScimService will see it: the method and the path YARP forwards.
            transform.ProxyRequest.Headers.TryAddWithoutValidation(InternalHeaders.Context,
                signing.Sign(context, transform.ProxyRequest.Method.Method, transform.Path.Value ?? "/", PublicOrigin(transform.HttpContext.Request)));
            transform.ProxyRequest.Headers.Remove(InternalHeaders.Budget);
            if (transform.HttpContext.Features.Get<RequestBudget>() is { } budget)
            {
                var left = budget.RemainingMilliseconds(transform.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
                transform.ProxyRequest.Headers.TryAddWithoutValidation(InternalHeaders.Budget, left.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            // The signed context is all ScimService needs; the IdP's credential goes no further than here.
            transform.ProxyRequest.Headers.Authorization = null;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The scheme and host the client called: a trusted proxy's forwarded ones, else the Gateway's own (see TrustedProxies).</summary>
    private static string PublicOrigin(HttpRequest request) => $"{request.Scheme}://{request.Host.ToUriComponent()}";
}
