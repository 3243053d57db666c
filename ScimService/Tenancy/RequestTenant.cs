using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Tenancy;

/// <summary>What the SCIM route group's filters attach to a request: the verified tenant and its connection's schema.</summary>
public static class RequestTenant
{
    public static TenantContext Tenant(this HttpContext http) =>
        http.Features.Get<TenantContext>() ?? throw new InvalidOperationException("The SCIM group filter sets the tenant context.");

    /// <summary>The resource types as the request's connection sees them, with its declared custom attributes.</summary>
    public static ConnectionSchema ConnectionSchemaOf(this HttpContext http) =>
        http.Features.Get<ConnectionSchema>() ?? throw new InvalidOperationException("The SCIM group's filter sets the connection's schema.");
}
