using System.Globalization;
using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Resources;

public static class Meta
{
    public static JsonObject Create(string resourceType, DateTimeOffset created, DateTimeOffset lastModified, string location, int version) => new()
    {
        ["resourceType"] = resourceType,
        ["created"] = Timestamp(created),
        ["lastModified"] = Timestamp(lastModified),
        ["location"] = location,
        ["version"] = ETag(version),
    };

    /// <summary>The weak ETag of a row version (RFC 7644 §3.14), also <c>meta.version</c>.</summary>
    public static string ETag(int version) => $"W/\"{version}\"";

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
