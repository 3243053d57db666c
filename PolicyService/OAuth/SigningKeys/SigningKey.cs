namespace Provisioning.PolicyService.OAuth.SigningKeys;

/// <summary>
/// A key that signs OAuth access tokens. The private half is stored only encrypted
/// (<see cref="PrivateKeyProtection"/>); the public half is published in the JWKS document.
/// </summary>
public sealed class SigningKey
{
    public const string EcdsaP256 = "ES256";

    public required string KeyId { get; init; }
    public string Algorithm { get; init; } = EcdsaP256;

    /// <summary>The public key as a JSON Web Key (RFC 7517).</summary>
    public required string PublicJwk { get; init; }

    /// <summary>The PKCS#8 private key, AES-GCM encrypted with a key derived from an AppHost secret.</summary>
    public required byte[] ProtectedPrivateKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a newer key took over signing; the key verifies until its last token has expired.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
