using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

/// <summary>What a valid OAuth access token says about its bearer.</summary>
public sealed record AccessTokenIdentity(Guid ClientCredentialId, Guid ConnectionId);

/// <summary>
/// Validates OAuth access tokens locally — signature (against the JWKS), issuer, audience,
/// lifetime — so an accepted token costs no network call beyond the short-cached client check.
/// </summary>
public sealed class AccessTokenValidator(SigningKeySet keys, IOptions<GatewayOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>A JWT has three dot-separated parts; our static tokens have none.</summary>
    public static bool LooksLikeJwt(string token) =>
        !token.StartsWith(BearerTokenFormat.Prefix, StringComparison.Ordinal) && token.Count(c => c == '.') == 2;

    public async Task<AccessTokenIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > 8192)
        {
            return null;
        }
        var result = await _handler.ValidateTokenAsync(token, Parameters());
        if (!result.IsValid && KeyIdOf(token) is { } keyId && !keys.Knows(keyId) && await keys.RefreshForUnknownKeyAsync(keyId, cancellationToken))
        {
            result = await _handler.ValidateTokenAsync(token, Parameters());
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }
        return jwt.TryGetPayloadValue<string>(AccessTokenClaims.ClientCredential, out var client) && Guid.TryParse(client, out var clientId)
            && jwt.TryGetPayloadValue<string>(AccessTokenClaims.Connection, out var connection) && Guid.TryParse(connection, out var connectionId)
            ? new AccessTokenIdentity(clientId, connectionId)
            : null;
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = options.Value.AccessTokenIssuer,
        ValidAudience = options.Value.AccessTokenAudience,
        IssuerSigningKeys = keys.Keys,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidTypes = ["at+jwt"],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private string? KeyIdOf(string token)
    {
        try
        {
            return _handler.ReadJsonWebToken(token).Kid;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }
}
