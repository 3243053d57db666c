using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// Each calling service holds its own key, and each key opens only the routes its caller needs:
/// the internet-facing Gateway's key cannot create a token or sign an admin in.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class InternalCallerKeyTests(ProvisioningApp app)
{
    [Theory]
    // The Gateway: credential checks only.
    [InlineData(InternalCaller.Gateway, "policyservice", "POST", "/internal/credentials/check", true)]
    [InlineData(InternalCaller.Gateway, "policyservice", "POST", "/internal/connections/{connection}/tokens", false)]
    [InlineData(InternalCaller.Gateway, "policyservice", "POST", "/internal/admins/sign-in", false)]
    [InlineData(InternalCaller.Gateway, "policyservice", "GET", "/internal/organizations", false)]
    [InlineData(InternalCaller.Gateway, "scimservice", "GET", "/internal/connections/{connection}/users", false)]
    // ScimService: connection settings (and the demo organization by slug).
    [InlineData(InternalCaller.ScimService, "policyservice", "GET", "/internal/connections/{connection}/settings", true)]
    [InlineData(InternalCaller.ScimService, "policyservice", "POST", "/internal/connections/{connection}/tokens", false)]
    [InlineData(InternalCaller.ScimService, "policyservice", "POST", "/internal/credentials/check", false)]
    [InlineData(InternalCaller.ScimService, "policyservice", "GET", "/internal/connections/settings-versions", true)]
    [InlineData(InternalCaller.Gateway, "policyservice", "GET", "/internal/connections/settings-versions", false)]
    // The Admin UI: its pages' routes, but neither credential checks nor the operator's.
    [InlineData(InternalCaller.AdminUi, "policyservice", "GET", "/internal/connections/{connection}/tokens", true)]
    [InlineData(InternalCaller.AdminUi, "scimservice", "GET", "/internal/connections/{connection}/users", true)]
    [InlineData(InternalCaller.AdminUi, "policyservice", "POST", "/internal/credentials/check", false)]
    [InlineData(InternalCaller.AdminUi, "policyservice", "GET", "/internal/organizations", false)]
    [InlineData(InternalCaller.AdminUi, "policyservice", "POST", "/internal/organizations/{organization}/disable", false)]
    [InlineData(InternalCaller.AdminUi, "scimservice", "POST", "/internal/connections/{connection}/roles/reconcile", true)]
    [InlineData(InternalCaller.AdminUi, "policyservice", "GET", "/internal/organizations/{organization}/admins", true)]
    [InlineData(InternalCaller.AdminUi, "policyservice", "GET", "/internal/admins?email=x@example.com", false)]
    [InlineData(InternalCaller.Gateway, "policyservice", "GET", "/internal/organizations/{organization}/admins", false)]
    [InlineData(InternalCaller.ScimService, "policyservice", "DELETE", "/internal/organizations/{organization}/admins/{connection}", false)]
    [InlineData(InternalCaller.Operator, "scimservice", "POST", "/internal/connections/{connection}/roles/reconcile", false)]
    // The operator: organizations and admins, never a customer's tokens or the credential checks.
    [InlineData(InternalCaller.Operator, "policyservice", "GET", "/internal/organizations", true)]
    [InlineData(InternalCaller.Operator, "policyservice", "GET", "/internal/admins?email=x@example.com", true)]
    [InlineData(InternalCaller.Operator, "policyservice", "DELETE", "/internal/organizations/{organization}/admins/{connection}", true)]
    [InlineData(InternalCaller.Operator, "policyservice", "POST", "/internal/connections/{connection}/tokens", false)]
    [InlineData(InternalCaller.Operator, "policyservice", "POST", "/internal/credentials/check", false)]
    [InlineData(InternalCaller.Operator, "scimservice", "GET", "/internal/connections/{connection}/users", false)]
    public async Task EachCallersKeyOpensOnlyItsOwnRoutes(InternalCaller caller, string service, string method, string path, bool allowed)
    {
        var tenant = await app.CreateTenantAsync();
        using var client = app.App.CreateHttpClient(service, "http");
        using var request = new HttpRequestMessage(new HttpMethod(method), path
            .Replace("{connection}", tenant.Connection.Id.ToString())
            .Replace("{organization}", tenant.Organization.Id.ToString()));
        request.Headers.Add(InternalHeaders.ApiKey, app.Keys[caller]);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { lookup = "prv_notatoken", hash = "x", expiresAt = (DateTimeOffset?)null, email = "x@example.com", password = "x" });
        }

        using var response = await client.SendAsync(request);

        if (allowed)
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
