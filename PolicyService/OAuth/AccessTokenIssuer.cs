using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Contracts;
using Provisioning.PolicyService.Connections;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.OAuth.SigningKeys;

namespace Provisioning.PolicyService.OAuth;

/// <summary>Signs the short-lived access tokens (JWT, RFC 9068 shape) that the Gateway validates locally.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<OAuthOptions> options, TimeProvider clock)
{
    public const string TokenType = "at+jwt";
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<AccessTokenResponse> IssueAsync(OAuthClient client, Connection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = client.ClientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                ["client_id"] = client.ClientId,
                [AccessTokenClaims.Organization] = connection.OrganizationId.ToString(),
                [AccessTokenClaims.Connection] = connection.Id.ToString(),
                [AccessTokenClaims.Realm] = connection.Realm.ToString(),
                [AccessTokenClaims.ClientCredential] = client.Id.ToString(),
            },
        };
        return new AccessTokenResponse(_handler.CreateToken(descriptor), "Bearer", (int)lifetime.TotalSeconds);
    }
}
