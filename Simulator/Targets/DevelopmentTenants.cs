using System.Net.Http.Json;
using Provisioning.Contracts;
using Provisioning.Simulator.Options;

namespace Provisioning.Simulator.Targets;

/// <summary>
/// Development only: makes N organizations, each with one enabled connection (realms in turn) and a
/// bearer token or OAuth client, through PolicyService's internal API — the calls the development seed
/// and the integration tests make. Each internal key opens only its caller's routes, so the organization
/// and its rate limit are made with the operator's key, the connection and its credential with the
/// Admin UI's, as an operator and then the organization's admin would.
/// </summary>
public sealed class DevelopmentTenants(HttpClient asOperator, HttpClient asAdmin, Uri gatewayUrl)
{
    private static readonly Realm[] Realms = Enum.GetValues<Realm>();

    public async Task<IReadOnlyList<Target>> CreateAsync(int count, AuthChoice auth, double rate, CancellationToken cancellationToken)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var targets = new Target[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
            targets[i] = await CreateOneAsync($"sim-{tag}-{i + 1}", Realms[i % Realms.Length], auth, rate, ct));
        return targets;
    }

    private async Task<Target> CreateOneAsync(string slug, Realm realm, AuthChoice auth, double rate, CancellationToken cancellationToken)
    {
        var organization = await ReadAsync<OrganizationDto>(await asOperator.PostAsJsonAsync(
            "/internal/organizations", new CreateOrganizationRequest(slug, "Simulated " + slug), cancellationToken));
        var connection = await ReadAsync<ConnectionDto>(await asAdmin.PutAsJsonAsync(
            $"/internal/organizations/{organization.Id}/connections/{realm}", new UpdateConnectionRequest(Enabled: true), cancellationToken));
        // A tenant asked to go faster than the Gateway's default bucket (50/s) gets a limit of its own, as an operator would give it.
        if (rate > 40)
        {
            var limit = (int)Math.Ceiling(rate * 2);
            await ReadAsync<ConnectionDto>(await asOperator.PutAsJsonAsync(
                $"/internal/connections/{connection.Id}/rate-limit", new ConnectionRateLimit(limit, limit * 2), cancellationToken));
        }
        var baseUrl = new Uri(gatewayUrl, "/scim/v2/");
        if (auth == AuthChoice.OAuth)
        {
            var client = await ReadAsync<CreatedOAuthClientDto>(await asAdmin.PostAsync(
                $"/internal/connections/{connection.Id}/oauth-client", null, cancellationToken));
            return new Target(slug, baseUrl, new TargetCredential(null, client.ClientId, client.ClientSecret, new Uri(gatewayUrl, "/oauth/token")));
        }
        var token = await ReadAsync<CreatedTokenDto>(await asAdmin.PostAsJsonAsync(
            $"/internal/connections/{connection.Id}/tokens", new CreateTokenRequest(ExpiresAt: null), cancellationToken));
        return new Target(slug, baseUrl, new TargetCredential(token.Token));
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"PolicyService answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {await response.Content.ReadAsStringAsync()}");
            }
            return (await response.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
