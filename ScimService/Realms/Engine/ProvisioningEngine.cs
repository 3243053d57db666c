using Provisioning.Contracts;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>
/// Starts the provisioning run of one request. The settings are read here, before the caller
/// opens its transaction, so no row lock is held while PolicyService is asked.
/// </summary>
public sealed class ProvisioningEngine(
    ConnectionSettingsCache settingsCache, PolicyServiceClient policyService, IHttpContextAccessor http, TimeProvider clock, ILogger<ProvisioningRun> logger)
{
    public const string AdminIdentityProvider = "admin";

    /// <summary>Null when PolicyService knows no settings for the connection (it was deleted while its token was still cached).</summary>
    public async Task<ProvisioningRun?> BeginAsync(ScimCall call, ScimDbContext db, CancellationToken cancellationToken)
    {
        var tenant = call.Tenant;
        return await SettingsOfAsync(tenant.ConnectionId, cancellationToken) is { } settings
            ? new ProvisioningRun(db, settings with { OrganizationId = tenant.OrganizationId, Realm = tenant.Realm }, tenant.IdentityProvider, clock, logger)
            : null;
    }

    /// <summary>For a change an admin made (a mapping edit): the settings are read fresh, not from the cache. Null for an unknown connection.</summary>
    public async Task<ProvisioningRun?> BeginForAdminAsync(Guid connectionId, ScimDbContext db, CancellationToken cancellationToken)
    {
        settingsCache.Invalidate(connectionId);
        return await SettingsOfAsync(connectionId, cancellationToken) is { } settings
            ? new ProvisioningRun(db, settings, AdminIdentityProvider, clock, logger)
            : null;
    }

    /// <summary>The organization a connection belongs to, from its settings; null for an unknown connection.</summary>
    public async Task<Guid?> OrganizationOfAsync(Guid connectionId, CancellationToken cancellationToken) =>
        (await SettingsOfAsync(connectionId, cancellationToken))?.OrganizationId;

    /// <summary>The connection's settings from the in-memory cache, waiting for PolicyService only within the request's budget; null for an unknown connection.</summary>
    public Task<ConnectionSettingsDto?> SettingsOfAsync(Guid connectionId, CancellationToken cancellationToken) =>
        settingsCache.GetAsync(connectionId, ct => policyService.GetSettingsAsync(connectionId, ct), SettingsWait.For(http.HttpContext), cancellationToken);
}
