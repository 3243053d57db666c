using System.Net;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

public sealed class PolicyServiceClient(HttpClient http)
{
    /// <summary>Asks PolicyService which connection a token belongs to; null when it belongs to none.</summary>
    public Task<CredentialCheckResult?> CheckAsync(string lookup, string hash, CancellationToken cancellationToken) =>
        PostAsync("/internal/credentials/check", new CredentialCheckRequest(lookup, hash), cancellationToken);

    /// <summary>Asks whether an OAuth client is still live, and for which connection; null when revoked or unknown.</summary>
    public Task<CredentialCheckResult?> CheckOAuthClientAsync(Guid clientCredentialId, CancellationToken cancellationToken) =>
        PostAsync("/internal/credentials/oauth-clients/check", new OAuthClientCheckRequest(clientCredentialId), cancellationToken);

    /// <summary>The JWKS document of the keys that sign OAuth access tokens.</summary>
    public async Task<string> GetSigningKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/oauth/jwks", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<CredentialCheckResult?> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CredentialCheckResult>(cancellationToken);
    }
}
