using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Contracts;

/// <summary>
/// SCIM bearer tokens: <c>prv_</c> and 256 random bits in base64url. The first characters
/// (the lookup) identify the row and are safe to show; only the SHA-256 of the whole token is stored.
/// </summary>
public static class BearerTokenFormat
{
    public const string Prefix = "prv_";
    private const int SecretBytes = 32;
    private const int LookupLength = 12;
    private static readonly int TokenLength = Prefix.Length + Base64Url.GetEncodedLength(SecretBytes);

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Splits a presented token into its lookup and hash; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string? token, out string lookup, out string hash)
    {
        lookup = hash = "";
        if (token is null || token.Length != TokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in token.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }
        lookup = token[..LookupLength];
        hash = Hash(token);
        return true;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
