using System.Globalization;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// How long a request may wait for PolicyService's answer about its settings: what the Gateway left of the
/// request's deadline (<see cref="InternalHeaders.Budget"/>), less a reserve for the request's own database work,
/// and never more than the client's 2 s. One deadline per request, so a slow credential check and a slow
/// settings read cannot add up past the bound.
/// </summary>
public static class SettingsWait
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(2);

    /// <summary>Left for the database work after the settings are read (bounded on its own, see FailFast).</summary>
    public static readonly TimeSpan Reserve = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(100);

    /// <summary>Outside a SCIM request (an internal call, a background job) the client's own bound applies.</summary>
    public static TimeSpan For(HttpContext? http)
    {
        if (http is null || !long.TryParse(http.Request.Headers[InternalHeaders.Budget], NumberStyles.None, CultureInfo.InvariantCulture, out var left))
        {
            return Longest;
        }
        var wait = TimeSpan.FromMilliseconds(left) - Reserve;
        return wait < Shortest ? Shortest : wait > Longest ? Longest : wait;
    }
}
