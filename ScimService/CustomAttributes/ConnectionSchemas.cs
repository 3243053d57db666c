using System.Runtime.CompilerServices;
using Provisioning.Contracts;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.ScimService.Realms.Settings;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService.CustomAttributes;

/// <summary>
/// Gives every SCIM request its connection's schema: the RFC attributes plus the custom attributes
/// its admin declared, read with the connection's settings (kept in memory, dropped on invalidation).
/// </summary>
public static class ConnectionSchemas
{
    // Settings objects live as long as their cache entry; the schema built from one lives as long.
    private static readonly ConditionalWeakTable<ConnectionSettingsDto, Protocol.Schemas.ConnectionSchema> Built = new();

    public static ConnectionSchema For(ConnectionSettingsDto settings) =>
        Built.GetValue(settings, s => ConnectionSchema.Build(s.CustomAttributes, s.UndeclaredAttributes));

    public static RouteGroupBuilder WithConnectionSchema(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var engine = http.RequestServices.GetRequiredService<ProvisioningEngine>();
            var lookup = await engine.SettingsOfAsync(http.Tenant().ConnectionId, http.RequestAborted);
            if (lookup is not SettingsLookup.Found found)
            {
                return lookup.ScimRefusal();
            }
            http.Features.Set(For(found.Settings));
            return await next(invocation);
        });

}
