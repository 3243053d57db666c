using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Provisioning.AdminUi.Authentication;

/// <summary>
/// Encrypts each Data Protection key (AES-256-GCM, a key derived from the operator's
/// <see cref="AdminUiOptions.KeyRingProtectionKey"/>) before it leaves the process, so the
/// shared store holds nothing that would let a reader forge a session cookie.
/// </summary>
public sealed class KeyRingEncryptor(string protectionKey) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedKey.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(protectionKey), TagSize);
        aes.Encrypt(nonce, plaintext, sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM with a key derived from AdminUi:KeyRingProtectionKey "),
            new XElement("value", Convert.ToBase64String(sealedKey)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static XElement Decrypt(string protectionKey, XElement encryptedElement)
    {
        var sealedKey = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("The encrypted key has no value."));
        var plaintext = new byte[sealedKey.Length - NonceSize - TagSize];
        using var aes = new AesGcm(DeriveKey(protectionKey), TagSize);
        aes.Decrypt(sealedKey.AsSpan(0, NonceSize), sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize), plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    private static byte[] DeriveKey(string protectionKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(protectionKey), 32, info: "provisioning admin-ui key ring"u8.ToArray());
}

/// <summary>Made by Data Protection (it activates decryptors with the service provider) when it reads the ring.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(services.GetRequiredService<IOptions<AdminUiOptions>>().Value.KeyRingProtectionKey, encryptedElement);
}
