using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioning.Contracts;

/// <summary>
/// Signs and verifies the tenant context header: <c>base64url(json).base64url(HMAC-SHA256)</c>.
/// The key is an Aspire parameter shared by the Gateway and ScimService only.
/// </summary>
public sealed class TenantContextSigner
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly byte[] _key;

    public TenantContextSigner(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length < 32)
        {
            throw new ArgumentException("The context signing key must be at least 32 characters.", nameof(key));
        }
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Sign(TenantContext context)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(context, JsonOptions));
        return payload + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>Returns the context when the signature holds and it has not expired.</summary>
    public TenantContext? Verify(string? header, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 2048)
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
            var context = JsonSerializer.Deserialize<TenantContext>(Base64Url.DecodeFromChars(payload), JsonOptions);
            return context is not null && context.ExpiresAt > now ? context : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));
}
