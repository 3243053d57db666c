using Provisioning.Contracts;

namespace Provisioning.ScimService.Tenancy;

/// <summary>
/// Makes the request's scheme and host the public ones the Gateway signed into the tenant context,
/// so <c>meta.location</c>, <c>Location</c> and every discovery URL say what the client called
/// (https behind a TLS terminator). Forwarded headers are not read: anyone reaching the service
/// could send them, while only the Gateway can sign.
/// </summary>
public static class PublicOrigin
{
    public static void Apply(HttpRequest request, TenantContext context)
    {
        if (Uri.TryCreate(context.PublicOrigin, UriKind.Absolute, out var origin)
            && (origin.Scheme == Uri.UriSchemeHttps || origin.Scheme == Uri.UriSchemeHttp))
        {
            request.Scheme = origin.Scheme;
            request.Host = HostString.FromUriComponent(origin.Authority);
        }
    }
}
