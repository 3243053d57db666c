using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>The credential parts of PolicyService's internal API: described in its OpenAPI document, closed to the public.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class PolicyServiceInternalApiTests(ProvisioningApp app)
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesOAuthClientsRateLimitsAndSigningKeys()
    {
        using var policy = app.CreatePolicyClient();

        var paths = JsonNode.Parse(await policy.GetStringAsync("/internal/openapi/v1.json"))!["paths"]!.AsObject();

        Assert.Contains("/internal/connections/{connectionId}/oauth-client", paths.Select(p => p.Key));
        Assert.Contains("/internal/connections/{connectionId}/rate-limit", paths.Select(p => p.Key));
        Assert.Contains("/internal/oauth/signing-keys/rotate", paths.Select(p => p.Key));
        Assert.Contains("/internal/credentials/oauth-clients/check", paths.Select(p => p.Key));
    }

    [Fact]
    public async Task CreatingAnOAuthClientWithoutTheInternalKeyGetsAProblem401()
    {
        var tenant = await app.CreateTenantAsync();
        using var policy = app.CreatePolicyClient();
        policy.DefaultRequestHeaders.Remove(global::Provisioning.Contracts.InternalHeaders.ApiKey);

        using var response = await policy.PostAsync($"/internal/connections/{tenant.Connection.Id}/oauth-client", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOAuthClientListingShowsTheClientIdButNeverTheSecret()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        using var policy = app.CreatePolicyClient();

        var listed = await policy.GetStringAsync($"/internal/connections/{tenant.Connection.Id}/oauth-client");

        Assert.Contains(client.ClientId, listed);
        Assert.DoesNotContain(client.ClientSecret, listed);
    }
}
