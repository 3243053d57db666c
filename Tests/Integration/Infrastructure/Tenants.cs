using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Provisioning.Contracts;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>One organization with one SCIM connection and its token, made for one test.</summary>
public sealed record Tenant(OrganizationDto Organization, ConnectionDto Connection, CreatedTokenDto Token, HttpClient Scim);

public static class Tenants
{
    /// <summary>Creates an organization and a connection through PolicyService's internal API, and a SCIM client through the Gateway.</summary>
    public static async Task<Tenant> CreateTenantAsync(this ProvisioningApp app, Realm realm = Realm.Dashboard)
    {
        using var @operator = app.CreatePolicyClient(InternalCaller.Operator);
        using var policy = app.CreatePolicyClient();
        var slug = "org-" + Guid.NewGuid().ToString("N")[..12];
        var organization = await ReadAsync<OrganizationDto>(await @operator.PostAsJsonAsync("/internal/organizations", new CreateOrganizationRequest(slug, "Test " + slug)));
        var connection = await ReadAsync<ConnectionDto>(await policy.PutAsJsonAsync(
            $"/internal/organizations/{organization.Id}/connections/{realm}", new UpdateConnectionRequest(Enabled: true)));
        var token = await ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync(
            $"/internal/connections/{connection.Id}/tokens", new CreateTokenRequest(ExpiresAt: null)));
        return new Tenant(organization, connection, token, app.CreateScimClient(token.Token));
    }

    /// <summary>PolicyService's internal API with one caller's key (the Admin UI's, which reaches the most, unless said otherwise).</summary>
    public static HttpClient CreatePolicyClient(this ProvisioningApp app, InternalCaller caller = InternalCaller.AdminUi)
    {
        var client = app.App.CreateHttpClient("policyservice", "http");
        client.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, app.Keys[caller]);
        return client;
    }

    public static HttpClient CreateScimClient(this ProvisioningApp app, string? token)
    {
        var client = app.CreateGatewayClient();
        client.BaseAddress = new Uri(client.BaseAddress!, "/scim/v2/");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            }
            return (await response.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
