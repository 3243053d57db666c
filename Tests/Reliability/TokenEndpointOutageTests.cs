using System.Net;
using System.Text.Json.Nodes;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>The token endpoint, which IdPs call before they provision, when PolicyService's database does not answer.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class TokenEndpointOutageTests(ProvisioningApp app)
{
    [Fact]
    public async Task ATokenRequestWhilePostgreSqlIsFrozenIsAnsweredTemporarilyUnavailableWithRetryAfterAndWorksOnceItIsBack()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        var form = new KeyValuePair<string, string>[] { new("grant_type", "client_credentials") };

        HttpStatusCode status;
        string? retryAfter;
        JsonNode? body;
        var frozen = LocalProcesses.Freeze(await LocalProcesses.PidOfAsync(app.App, "postgres-server"));
        try
        {
            using var refused = await app.PostTokenRequestAsync(form, (client.ClientId, client.ClientSecret));
            (status, retryAfter, body) = (refused.StatusCode, refused.Headers.RetryAfter?.ToString(), JsonNode.Parse(await refused.Content.ReadAsStringAsync()));
        }
        finally
        {
            LocalProcesses.Thaw(frozen);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("5", retryAfter);
        Assert.Equal("temporarily_unavailable", body!["error"]!.GetValue<string>());
        Assert.NotEmpty(await app.GetAccessTokenAsync(client));
    }
}
