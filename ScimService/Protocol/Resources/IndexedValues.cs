using System.Text;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// Values that PostgreSQL indexes (userName, externalId, a group's displayName, email values) must
/// fit an index entry: a B-tree entry holds at most about 2.7 KB, and random text does not compress.
/// 1 KiB leaves room for the lower-cased key and the connection beside it, and is far above what an
/// IdP sends (Okta's userName is at most 100 characters, an Entra UPN 113).
/// </summary>
public static class IndexedValues
{
    public const int MaxBytes = 1024;

    /// <summary>The value, or a 400 invalidValue naming the attribute when it cannot be indexed.</summary>
    public static string? Checked(string? value, string path) =>
        value is null || Encoding.UTF8.GetByteCount(value) <= MaxBytes
            ? value
            : throw ScimProtocolException.BadRequest(ScimType.InvalidValue,
                $"'{path}' is longer than {MaxBytes:N0} bytes, the most this service indexes; nothing was changed.");
}
