namespace Provisioning.Simulator.Scim;

/// <summary>Query strings as the IdPs write them: a filter with a quoted value, escaped once.</summary>
public static class ScimPaths
{
    public static string Filter(string resource, string attribute, string value, string? extra = null) =>
        $"{resource}?filter={Uri.EscapeDataString($"{attribute} eq \"{Quote(value)}\"")}{(extra is null ? "" : "&" + extra)}";

    /// <summary>A quote or backslash inside a filter value is escaped as RFC 7644 §3.4.2.2 (JSON string rules) says.</summary>
    private static string Quote(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
