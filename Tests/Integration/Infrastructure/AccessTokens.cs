using System.Security.Claims;
using System.Security.Cryptography;
using Aspire.Hosting.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Provisioning.Contracts;
using Provisioning.PolicyService.OAuth.SigningKeys;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// Makes access tokens the token endpoint would never issue — expired, for another audience,
/// signed by a stranger's key — to prove the Gateway refuses them. The real signing key is
/// read from policydb and decrypted with the key-protection secret the tests gave the AppHost.
/// </summary>
public static class AccessTokens
{
    public static async Task<SecurityKey> CurrentSigningKeyAsync(this ProvisioningApp app)
    {
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("policydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT key_id, protected_private_key FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "No signing key yet: issue an access token first.");
        var keyId = reader.GetString(0);
        var privateKey = PrivateKeyProtection.Unprotect(
            PrivateKeyProtection.DeriveKey(app.SigningKeyProtectionKey), (byte[])reader.GetValue(1), keyId);
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
    }

    public static SecurityKey StrangersKey(string keyId) =>
        new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId };

    /// <summary>A token shaped like PolicyService's, for the tenant's connection and the given client credential.</summary>
    public static string Sign(
        SecurityKey key, Tenant tenant, Guid clientCredentialId,
        DateTimeOffset? expires = null, string audience = AccessTokenClaims.DefaultAudience, string issuer = AccessTokenClaims.DefaultIssuer)
    {
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1).UtcDateTime,
            NotBefore = expiry.AddHours(-1).UtcDateTime,
            Expires = expiry.UtcDateTime,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(AccessTokenClaims.Organization, tenant.Organization.Id.ToString()),
                new Claim(AccessTokenClaims.Connection, tenant.Connection.Id.ToString()),
                new Claim(AccessTokenClaims.Realm, tenant.Connection.Realm.ToString()),
                new Claim(AccessTokenClaims.ClientCredential, clientCredentialId.ToString()),
            ]),
        });
    }
}
