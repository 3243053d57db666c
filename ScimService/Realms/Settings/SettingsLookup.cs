using Provisioning.Contracts;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// What asking for a connection's settings came to. PolicyService being away is an answer here, not an
/// exception: each caller decides what it means (a SCIM 503, a ProblemDetails 503, a retry at the next sweep).
/// </summary>
public abstract record SettingsLookup
{
    private SettingsLookup()
    {
    }

    public sealed record Found(ConnectionSettingsDto Settings) : SettingsLookup;

    /// <summary>PolicyService knows no such connection (deleted while its token was still cached, or never made).</summary>
    public sealed record Unknown : SettingsLookup
    {
        public static readonly Unknown Instance = new();
    }

    /// <summary>PolicyService did not answer, or not in time; <paramref name="Detail"/> is for the client, nothing was changed.</summary>
    public sealed record Unavailable(string Detail) : SettingsLookup;

    public ConnectionSettingsDto? SettingsOrNull => (this as Found)?.Settings;

    /// <summary>
    /// A SCIM request that cannot have its settings: nothing can be provisioned, so nothing is changed. A 503
    /// either way (with Retry-After, which IdPs retry): an unknown connection's token may still be cached.
    /// </summary>
    public ScimJsonResult ScimRefusal() =>
        ScimResults.Error(StatusCodes.Status503ServiceUnavailable, this is Unavailable unavailable
            ? unavailable.Detail
            : "This connection has no provisioning settings; nothing was changed.");
}
