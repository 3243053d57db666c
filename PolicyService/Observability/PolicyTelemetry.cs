using System.Diagnostics.Metrics;

namespace Provisioning.PolicyService.Observability;

/// <summary>PolicyService's own instruments: the Redis read-through cache's hits and misses, by kind of key.</summary>
public static class PolicyTelemetry
{
    public const string Name = "Provisioning.PolicyService";

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "provisioning.cache.lookups", "{lookup}", "Settings cache look-ups, by cache and result (hit, miss, absent or bypassed).");

    /// <summary><paramref name="key"/> is a settings key such as <c>policy:credentials:{lookup}</c>; only its kind is recorded.</summary>
    public static void CacheLookup(string key, string result) =>
        CacheLookups.Add(1,
            new KeyValuePair<string, object?>("provisioning.cache", KindOf(key)),
            new KeyValuePair<string, object?>("provisioning.cache.result", result));

    private static string KindOf(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 2 ? parts[0] + ":" + parts[1] : "other";
    }
}
