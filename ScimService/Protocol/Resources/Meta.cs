using System.Globalization;

namespace Provisioning.ScimService.Protocol.Resources;

public static class Meta
{
    /// <summary>The weak ETag of a row version (RFC 7644 §3.14), also <c>meta.version</c>.</summary>
    public static string ETag(int version) => $"W/\"{version}\"";

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
