using Microsoft.Net.Http.Headers;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Http;

/// <summary>Weak ETags from the row version (RFC 7644 §3.14).</summary>
public static class Preconditions
{
    /// <summary>If-Match on a write: the 412 to answer when it names another version, else null.</summary>
    public static ScimJsonResult? Mismatch(string? ifMatch, int version) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*" || Matches(ifMatch, version)
            ? null
            : ScimResults.Error(StatusCodes.Status412PreconditionFailed,
                $"The resource has changed: its version is now {Meta.ETag(version)}. Read it again before writing.");

    /// <summary>If-None-Match on a read: true when the client already has this version (304).</summary>
    public static bool NotModified(HttpRequest request, int version)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        return !string.IsNullOrWhiteSpace(ifNoneMatch) && (ifNoneMatch.Trim() == "*" || Matches(ifNoneMatch, version));
    }

    private static bool Matches(string header, int version) =>
        EntityTagHeaderValue.TryParseList(header.Split(',').Select(v => v.Trim()).ToList(), out var tags)
        && tags.Any(tag => tag.Tag.Value == $"\"{version}\"");
}
