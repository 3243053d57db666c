using System.Diagnostics;
using System.Diagnostics.Metrics;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Observability;

/// <summary>
/// ScimService's own instruments and spans: provisioning actions by realm, action and outcome (a span
/// each), and the settings cache's hits, misses and stale answers. Tags are ids and names of ours, never an IdP's values.
/// </summary>
public static class ScimTelemetry
{
    public const string Name = "Provisioning.ScimService";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Actions = Meter.CreateCounter<long>(
        "provisioning.actions", "{action}", "Provisioning actions taken on realm accounts, by realm, action and outcome.");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "provisioning.cache.lookups", "{lookup}", "Settings cache look-ups, by cache and result (hit, miss, or stale: served past its lifetime while PolicyService could not answer).");

    /// <summary>One provisioning action: counted, and a span of its own under the request's trace, with its outcome.</summary>
    public static void Action(Realm realm, string action, string outcome, Guid organizationId, Guid connectionId, string identityProvider)
    {
        Actions.Add(1,
            new KeyValuePair<string, object?>("provisioning.realm", realm.ToString()),
            new KeyValuePair<string, object?>("provisioning.action", action),
            new KeyValuePair<string, object?>("provisioning.outcome", outcome));
        using var span = Source.StartActivity("provisioning " + action);
        if (span is null)
        {
            return;
        }
        span.SetTag("provisioning.realm", realm.ToString());
        span.SetTag("provisioning.action", action);
        span.SetTag("provisioning.outcome", outcome);
        span.SetTag("provisioning.organization_id", organizationId);
        span.SetTag("provisioning.connection_id", connectionId);
        span.SetTag("provisioning.identity_provider", identityProvider);
        span.SetStatus(outcome == "Failed" ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }

    public static void CacheLookup(string cache, string result) =>
        CacheLookups.Add(1,
            new KeyValuePair<string, object?>("provisioning.cache", cache),
            new KeyValuePair<string, object?>("provisioning.cache.result", result));

    /// <summary>The tenant a SCIM request serves, on its server span.</summary>
    public static void Tenant(TenantContext tenant)
    {
        if (Activity.Current is { } activity)
        {
            activity.SetTag("provisioning.organization_id", tenant.OrganizationId);
            activity.SetTag("provisioning.connection_id", tenant.ConnectionId);
            activity.SetTag("provisioning.realm", tenant.Realm.ToString());
            activity.SetTag("provisioning.identity_provider", tenant.IdentityProvider);
        }
    }
}
