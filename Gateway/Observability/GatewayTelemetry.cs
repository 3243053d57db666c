using System.Diagnostics;
using System.Diagnostics.Metrics;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Observability;

/// <summary>
/// The Gateway's own instruments: SCIM requests by IdP, resource, method and status; authentication
/// failures by reason; rate-limit rejections by limit; the credential cache's hits and misses. Tags
/// are names of ours, never a value a client sent.
/// </summary>
public static class GatewayTelemetry
{
    public const string Name = "Provisioning.Gateway";

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> ScimRequests = Meter.CreateCounter<long>(
        "provisioning.scim.requests", "{request}", "SCIM requests answered, by identity provider, resource, method and status.");

    private static readonly Counter<long> AuthenticationFailures = Meter.CreateCounter<long>(
        "provisioning.authentication.failures", "{request}", "SCIM requests refused before reaching ScimService, by reason.");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "provisioning.cache.lookups", "{lookup}", "Credential cache look-ups, by cache and result (hit, miss, or shared: joined a check already under way).");

    private static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "provisioning.rate_limit.rejections", "{request}", "Requests answered 429, by the limit that refused them.");

    public static void ScimRequest(string identityProvider, string resource, string method, int status) =>
        ScimRequests.Add(1,
            new KeyValuePair<string, object?>("provisioning.identity_provider", identityProvider),
            new KeyValuePair<string, object?>("provisioning.resource", resource),
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>Counts the failure and says why on the request's span (a 401 trace then has its reason).</summary>
    public static void AuthenticationFailed(string reason)
    {
        AuthenticationFailures.Add(1, new KeyValuePair<string, object?>("provisioning.auth.failure_reason", reason));
        Activity.Current?.SetTag("provisioning.auth.failure_reason", reason);
    }

    public static void RateLimitRejected(string limit)
    {
        RateLimitRejections.Add(1, new KeyValuePair<string, object?>("provisioning.rate_limit", limit));
        Activity.Current?.SetTag("provisioning.rate_limit", limit);
    }

    public static void CacheLookup(string cache, string result) =>
        CacheLookups.Add(1,
            new KeyValuePair<string, object?>("provisioning.cache", cache),
            new KeyValuePair<string, object?>("provisioning.cache.result", result));

    /// <summary>The tenant a request serves, on its span: organization, connection and realm (ids and names of ours).</summary>
    public static void Tenant(Guid organizationId, Guid connectionId, Realm realm)
    {
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("provisioning.organization_id", organizationId);
            activity.SetTag("provisioning.connection_id", connectionId);
            activity.SetTag("provisioning.realm", realm.ToString());
        }
    }

    /// <summary>"Users", "Groups", "Bulk", ".search", "ServiceProviderConfig"…: the segment after /scim/v2, never an id.</summary>
    public static string ResourceOf(PathString path)
    {
        var rest = (path.Value ?? "").AsSpan().TrimStart('/');
        if (!rest.StartsWith("scim/v2/", StringComparison.Ordinal))
        {
            return "other";
        }
        rest = rest["scim/v2/".Length..].TrimStart('/');
        var end = rest.IndexOf('/');
        var segment = end < 0 ? rest : rest[..end];
        // The known names themselves, so a request's resource costs no string of its own.
        foreach (var known in Known)
        {
            if (segment.SequenceEqual(known))
            {
                return known;
            }
        }
        return "other";
    }

    private static readonly string[] Known = ["Users", "Groups", "Bulk", ".search", "ServiceProviderConfig", "Schemas", "ResourceTypes", "Me"];
}
