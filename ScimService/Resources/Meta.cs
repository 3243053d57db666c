using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Http;

namespace Provisioning.ScimService.Resources;

public static class Meta
{
    public static JsonObject Create(string resourceType, DateTimeOffset created, DateTimeOffset lastModified, string location, int version) => new()
    {
        ["resourceType"] = resourceType,
        ["created"] = Timestamp(created),
        ["lastModified"] = Timestamp(lastModified),
        ["location"] = location,
        ["version"] = Preconditions.ETag(version),
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
