using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Provisioning.Simulator.Scim;

/// <summary>How the IdP proves itself: a static bearer token, or OAuth 2.0 client credentials.</summary>
public abstract class Credential
{
    public abstract ValueTask<string> AccessTokenAsync(HttpClient http, CancellationToken cancellationToken);

    /// <summary>The Gateway refused the token: forget it so the next request fetches a new one (OAuth only).</summary>
    public virtual void Refused()
    {
    }
}

public sealed class BearerToken(string token) : Credential
{
    public override ValueTask<string> AccessTokenAsync(HttpClient http, CancellationToken cancellationToken) => ValueTask.FromResult(token);
}

/// <summary>
/// Entra's OAuth client credentials: a token from the token endpoint (client authenticated by HTTP Basic),
/// reused until five minutes before it expires, then asked for again.
/// </summary>
public sealed class OAuthClientCredentials(Uri tokenUrl, string clientId, string clientSecret, TimeProvider clock) : Credential
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public override async ValueTask<string> AccessTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (_current is { } current && clock.GetUtcNow() < current.RenewAt)
        {
            return current.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && clock.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret))));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            if (!response.IsSuccessStatusCode || body?["access_token"]?.GetValue<string>() is not { Length: > 0 } token)
            {
                // The error body (RFC 6749 §5.2) names the reason and never echoes the secret.
                throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body?["error"]} {body?["error_description"]}");
            }
            var lifetime = TimeSpan.FromSeconds(body["expires_in"]?.GetValue<int>() ?? 3600);
            _current = (token, clock.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Refused() => _current = null;
}
