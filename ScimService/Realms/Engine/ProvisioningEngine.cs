using Provisioning.Contracts;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>
/// Starts the provisioning run of one request. The settings are read first, before the caller opens its
/// transaction, so no row lock is held while PolicyService is asked; what an unknown connection or an
/// unavailable PolicyService means is the caller's to say.
/// </summary>
public sealed class ProvisioningEngine(
    ConnectionSettingsCache settingsCache, PolicyServiceClient policyService, IHttpContextAccessor http, TimeProvider clock, ILogger<ProvisioningRun> logger)
{
    public const string AdminIdentityProvider = "admin";

    /// <summary>The connection's settings from the in-memory cache, waiting for PolicyService only within the request's budget.</summary>
    public Task<SettingsLookup> SettingsOfAsync(Guid connectionId, CancellationToken cancellationToken) =>
        settingsCache.GetAsync(connectionId, ct => policyService.GetSettingsAsync(connectionId, ct), SettingsWait.For(http.HttpContext), cancellationToken);

    /// <summary>For a change an admin made (a mapping edit): the settings are read fresh, not from the cache.</summary>
    public Task<SettingsLookup> FreshSettingsOfAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        settingsCache.Invalidate(connectionId);
        return SettingsOfAsync(connectionId, cancellationToken);
    }

    /// <summary>The run of a SCIM request, with the settings of its connection.</summary>
    public ProvisioningRun Begin(ScimCall call, ScimDbContext db, ConnectionSettingsDto settings) =>
        new(db, settings with { OrganizationId = call.Tenant.OrganizationId, Realm = call.Tenant.Realm }, call.Tenant.IdentityProvider, clock, logger);

    /// <summary>The run of an admin's change, with settings read by <see cref="FreshSettingsOfAsync"/>.</summary>
    public ProvisioningRun BeginForAdmin(ScimDbContext db, ConnectionSettingsDto settings) =>
        new(db, settings, AdminIdentityProvider, clock, logger);
}
