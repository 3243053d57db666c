using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Provisioning.PolicyService.OAuth.SigningKeys;

/// <summary>
/// Encrypts signing keys at rest with AES-256-GCM under a key derived (HKDF-SHA256) from the
/// AppHost's key-protection secret, so a copy of policydb alone reveals no private key. The key
/// id is bound in as associated data: a ciphertext moved to another row does not decrypt.
/// </summary>
public sealed class PrivateKeyProtection(IOptions<OAuthOptions> options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = "provisioning signing keys v1"u8.ToArray();

    private readonly byte[] _key = DeriveKey(options.Value.KeyProtectionKey);

    public static byte[] DeriveKey(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], info: Purpose);

    public byte[] Protect(byte[] privateKey, string keyId) => Protect(_key, privateKey, keyId);

    public byte[] Unprotect(byte[] protectedKey, string keyId) => Unprotect(_key, protectedKey, keyId);

    public static byte[] Protect(byte[] key, byte[] plaintext, string keyId)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(keyId));
        return output;
    }

    public static byte[] Unprotect(byte[] key, byte[] protectedKey, string keyId)
    {
        var plaintext = new byte[protectedKey.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            protectedKey.AsSpan(0, NonceSize),
            protectedKey.AsSpan(NonceSize + TagSize),
            protectedKey.AsSpan(NonceSize, TagSize),
            plaintext,
            Encoding.UTF8.GetBytes(keyId));
        return plaintext;
    }
}
