using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioning.Contracts;

/// <summary>
/// Signs and verifies the tenant context header: <c>base64url(json).base64url(HMAC-SHA256)</c>.
/// The signature also covers the request's method and path, so a context read off one request
/// opens no other, and it lives seconds. The key is an Aspire parameter shared by the Gateway and
/// ScimService only.
/// </summary>
public sealed class TenantContextSigner
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>A longer header is not read at all.</summary>
    public const int MaxHeaderLength = 16 * 1024;
    private readonly byte[] _key;

    public TenantContextSigner(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length < 32)
        {
            throw new ArgumentException("The context signing key must be at least 32 characters.", nameof(key));
        }
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Sign(TenantContext context, string method, string path)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new SignedRequest(context, method, path), JsonOptions));
        return payload + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>Returns the context when the signature holds, it was signed for this method and path, and it has not expired.</summary>
    public TenantContext? Verify(string? header, string method, string path, DateTimeOffset now)
    {
        // The path is signed in: the Gateway answers paths over 1,024 characters itself (ScimPathLimit), so a context,
        // its path escaped at up to 6 bytes a character, stays under 9 KB.
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }
        var dot = header.IndexOf('.');
        if (dot <= 0 || dot == header.Length - 1)
        {
            return null;
        }
        var payload = header[..dot];
        var signature = header.AsSpan(dot + 1);
        if (!Base64Url.IsValid(signature) || !Base64Url.IsValid(payload)
            || !CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(signature), Mac(payload)))
        {
            return null;
        }
        try
        {
            var signed = JsonSerializer.Deserialize<SignedRequest>(Base64Url.DecodeFromChars(payload), JsonOptions);
            return signed?.Context is { } context && context.ExpiresAt > now
                && string.Equals(signed.Method, method, StringComparison.Ordinal)
                && string.Equals(signed.Path, path, StringComparison.Ordinal)
                ? context
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What is signed: the tenant and the one request it was made for (path as ASP.NET decodes it).</summary>
    private sealed record SignedRequest(TenantContext Context, string Method, string Path);

    /// <summary>
    /// One HMAC per thread, reset after each use: the one-shot <c>HMACSHA256.HashData</c> sets up a new
    /// OpenSSL context and keys it for every request, which showed in the Gateway's profile.
    /// </summary>
    [ThreadStatic]
    private static (byte[] Key, IncrementalHash Mac)? s_threadMac;

    private byte[] Mac(string payload)
    {
        if (s_threadMac is not { } cached || !ReferenceEquals(cached.Key, _key))
        {
            s_threadMac?.Mac.Dispose();
            cached = (_key, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
            s_threadMac = cached;
        }
        cached.Mac.AppendData(Encoding.ASCII.GetBytes(payload));
        return cached.Mac.GetHashAndReset();
    }
}
