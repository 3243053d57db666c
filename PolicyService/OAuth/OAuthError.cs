using System.Text.Json.Serialization;

namespace Provisioning.PolicyService.OAuth;

/// <summary>An RFC 6749 §5.2 error response body.</summary>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description)
{
    public static OAuthError InvalidRequest(string description) => new("invalid_request", description);

    public static OAuthError InvalidClient(string description) => new("invalid_client", description);

    public static OAuthError UnsupportedGrantType(string description) => new("unsupported_grant_type", description);

    public static OAuthError UnauthorizedClient(string description) => new("unauthorized_client", description);

    /// <summary>
    /// Registered for the authorization endpoint (RFC 6749 §4.1.2.1) and used by token endpoints alike for
    /// "try again later": a 503 with Retry-After, which client-credentials clients such as Entra retry.
    /// </summary>
    public static OAuthError TemporarilyUnavailable(string description) => new("temporarily_unavailable", description);
}

/// <summary>An RFC 6749 §5.1 successful response.</summary>
public sealed record AccessTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
