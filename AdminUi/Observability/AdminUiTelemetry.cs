using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Provisioning.AdminUi.Observability;

/// <summary>
/// The Admin UI's own instruments: its session-check cache, counted with the same instrument and tags as
/// the other services' caches, and sign-ins by outcome. Tags are names of ours, never an email or a password.
/// </summary>
public static class AdminUiTelemetry
{
    public const string Name = "Provisioning.AdminUi";

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "provisioning.cache.lookups", "{lookup}", "Session-check cache look-ups, by cache and result (hit: PolicyService not asked; miss: asked).");

    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "provisioning.admin.sign_ins", "{sign_in}", "Admin sign-ins, by outcome: signed_in, or the reason it was refused.");

    public static void CacheLookup(string cache, string result) =>
        CacheLookups.Add(1,
            new KeyValuePair<string, object?>("provisioning.cache", cache),
            new KeyValuePair<string, object?>("provisioning.cache.result", result));

    /// <summary>Counts the outcome and says it on the request's span (a refused sign-in's trace then has its reason).</summary>
    public static void SignIn(string outcome)
    {
        SignIns.Add(1, new KeyValuePair<string, object?>("provisioning.sign_in.outcome", outcome));
        Activity.Current?.SetTag("provisioning.sign_in.outcome", outcome);
    }
}
