using System.Net;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

public sealed class PolicyServiceClient(HttpClient http, IOptions<GatewayOptions> options)
{
    /// <summary>Asks PolicyService which connection a token belongs to; null when it belongs to none.</summary>
    public async Task<CredentialCheckResult?> CheckAsync(string lookup, string hash, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/credentials/check")
        {
            Content = JsonContent.Create(new CredentialCheckRequest(lookup, hash)),
        };
        request.Headers.Add(InternalHeaders.ApiKey, options.Value.InternalApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CredentialCheckResult>(cancellationToken);
    }
}
