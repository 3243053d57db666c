using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Yarp.ReverseProxy.Transforms;

namespace Provisioning.Gateway.Context;

/// <summary>Adds the signed tenant context to SCIM requests on their way to ScimService, in place of the bearer credential.</summary>
public sealed class ContextSigning(IOptions<GatewayOptions> options)
{
    private readonly TenantContextSigner _signer = new(options.Value.ContextSigningKey);

    public string Sign(TenantContext context) => _signer.Sign(context);

    public static ValueTask AddSignedContextAsync(RequestTransformContext transform)
    {
        if (transform.HttpContext.Features.Get<TenantContext>() is { } context)
        {
            var signing = transform.HttpContext.RequestServices.GetRequiredService<ContextSigning>();
            transform.ProxyRequest.Headers.Remove(InternalHeaders.Context);
            transform.ProxyRequest.Headers.TryAddWithoutValidation(InternalHeaders.Context, signing.Sign(context));
            // The signed context is all ScimService needs; the IdP's credential goes no further than here.
            transform.ProxyRequest.Headers.Authorization = null;
        }
        return ValueTask.CompletedTask;
    }
}
