using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.PolicyService.Credentials;

/// <summary>
/// A connection's OAuth 2.0 client (RFC 6749 §4.4): a public client id and a secret kept only as
/// its SHA-256. A connection has at most one live client; creating another revokes this one.
/// </summary>
public sealed class OAuthClient
{
    public const string ClientIdPrefix = "prvc_";
    public const string SecretPrefix = "prvs_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }
    public required string ClientId { get; init; }
    public required string SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>A new client; the clear secret is returned once and never stored.</summary>
    public static (OAuthClient Client, string Secret) Issue(Guid connectionId, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var client = new OAuthClient
        {
            ConnectionId = connectionId,
            ClientId = ClientIdPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            SecretHash = Hash(secret),
            CreatedAt = now,
        };
        return (client, secret);
    }

    /// <summary>Constant-time comparison of a presented secret's hash with the stored one.</summary>
    public bool SecretMatches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(SecretHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
