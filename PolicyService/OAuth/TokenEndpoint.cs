using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.OAuth.SigningKeys;

namespace Provisioning.PolicyService.OAuth;

/// <summary>
/// The OAuth 2.0 token endpoint for the client credentials grant (RFC 6749 §4.4) and the JWKS
/// document of the keys that sign its tokens. Public: the Gateway routes <c>/oauth/**</c> here.
/// </summary>
public static class TokenEndpoint
{
    public const string TokenPath = "/oauth/token";
    private const string ClientCredentialsGrant = "client_credentials";

    public static void MapOAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth").WithTags("OAuth").ExcludeFromDescription();
        group.MapPost("/token", TokenAsync).DisableAntiforgery();
        group.MapGet("/jwks", JwksAsync);
        group.MapGet("/.well-known/jwks.json", JwksAsync);
    }

    private static async Task<Results<Ok<AccessTokenResponse>, JsonHttpResult<OAuthError>>> TokenAsync(
        HttpContext http, PolicyDbContext db, AccessTokenIssuer issuer, CredentialUsage usage, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // RFC 6749 §5.1: token responses, errors included, must not be cached.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType)
        {
            return Error(http, OAuthError.InvalidRequest("Send the token request as application/x-www-form-urlencoded."));
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (ClientAuthentication.RepeatedParameter(form) is { } repeated)
        {
            return Error(http, OAuthError.InvalidRequest($"The parameter '{repeated}' was sent more than once."));
        }
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(http, OAuthError.InvalidRequest("The grant_type parameter is required."));
        }
        if (grantType != ClientCredentialsGrant)
        {
            return Error(http, OAuthError.UnsupportedGrantType("Only the client_credentials grant is supported."));
        }

        var (presented, authenticationError, usedBasic) = ClientAuthentication.Read(http.Request, form);
        if (authenticationError is not null)
        {
            return Error(http, authenticationError, usedBasic);
        }
        var client = await db.OAuthClients.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ClientId == presented!.ClientId && c.RevokedAt == null, cancellationToken);
        if (client is null || !client.SecretMatches(presented!.ClientSecret))
        {
            return Error(http, OAuthError.InvalidClient("The client id or secret is wrong, or the client was replaced."), usedBasic);
        }
        var connection = await db.Connections.AsNoTracking().FirstAsync(c => c.Id == client.ConnectionId, cancellationToken);
        if (await db.Organizations.AnyAsync(o => o.Id == connection.OrganizationId && o.DisabledAt != null, cancellationToken))
        {
            // The operator switched the organization off: its clients authenticate no more (RFC 6749 §5.2),
            // said without telling a caller more than that.
            return Error(http, OAuthError.InvalidClient("The client is not accepted. Its organization may be disabled."), usedBasic);
        }
        if (!connection.Enabled)
        {
            return Error(http, OAuthError.UnauthorizedClient("SCIM provisioning is disabled for this connection."));
        }
        usage.RecordOAuthClient(client.Id, clock.GetUtcNow());
        return TypedResults.Ok(await issuer.IssueAsync(client, connection, cancellationToken));
    }

    private static async Task<Ok<System.Text.Json.Nodes.JsonObject>> JwksAsync(
        HttpContext http, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        // Short enough that a rotated key is picked up quickly by anyone who honours it.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(SigningKeyRing.ToJwks(await keys.GetPublishedKeysAsync(cancellationToken)));
    }

    /// <summary>
    /// invalid_client is 401 with a Basic challenge when the client tried (or should try) HTTP
    /// Basic; every other error is 400 (RFC 6749 §5.2).
    /// </summary>
    private static JsonHttpResult<OAuthError> Error(HttpContext http, OAuthError error, bool usedBasic = false)
    {
        if (error.Error == "invalid_client" && usedBasic)
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"provisioning\", charset=\"UTF-8\"";
            return TypedResults.Json(error, statusCode: StatusCodes.Status401Unauthorized);
        }
        return TypedResults.Json(error, statusCode: StatusCodes.Status400BadRequest);
    }
}
