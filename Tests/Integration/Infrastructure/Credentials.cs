using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Provisioning.Contracts;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>Credential chores through PolicyService's internal API and the Gateway's token endpoint.</summary>
public static class Credentials
{
    public static async Task<CreatedTokenDto> CreateTokenAsync(this ProvisioningApp app, Guid connectionId, DateTimeOffset? expiresAt = null)
    {
        using var policy = app.CreatePolicyClient();
        return await Tenants.ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync($"/internal/connections/{connectionId}/tokens", new CreateTokenRequest(expiresAt)));
    }

    public static async Task RevokeTokenAsync(this ProvisioningApp app, Guid connectionId, Guid tokenId)
    {
        using var policy = app.CreatePolicyClient();
        using var response = await policy.DeleteAsync($"/internal/connections/{connectionId}/tokens/{tokenId}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task SetEnabledAsync(this ProvisioningApp app, Tenant tenant, bool enabled)
    {
        using var policy = app.CreatePolicyClient();
        await Tenants.ReadAsync<ConnectionDto>(await policy.PutAsJsonAsync(
            $"/internal/organizations/{tenant.Organization.Id}/connections/{tenant.Connection.Realm}", new UpdateConnectionRequest(enabled)));
    }

    public static async Task<ConnectionDto> SetRateLimitAsync(this ProvisioningApp app, Guid connectionId, ConnectionRateLimit limit)
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        return await Tenants.ReadAsync<ConnectionDto>(await policy.PutAsJsonAsync($"/internal/connections/{connectionId}/rate-limit", limit));
    }

    public static async Task<CreatedOAuthClientDto> CreateOAuthClientAsync(this ProvisioningApp app, Guid connectionId)
    {
        using var policy = app.CreatePolicyClient();
        return await Tenants.ReadAsync<CreatedOAuthClientDto>(await policy.PostAsync($"/internal/connections/{connectionId}/oauth-client", null));
    }

    /// <summary>POSTs a token request to the Gateway's /oauth/token, as Entra does.</summary>
    public static async Task<HttpResponseMessage> PostTokenRequestAsync(
        this ProvisioningApp app, IEnumerable<KeyValuePair<string, string>> form, (string Id, string Secret)? basic = null)
    {
        using var gateway = app.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
        if (basic is { } client)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                Uri.EscapeDataString(client.Id) + ":" + Uri.EscapeDataString(client.Secret))));
        }
        return await gateway.SendAsync(request);
    }

    /// <summary>An access token for the client, by HTTP Basic.</summary>
    public static async Task<string> GetAccessTokenAsync(this ProvisioningApp app, CreatedOAuthClientDto client)
    {
        using var response = await app.PostTokenRequestAsync([new("grant_type", "client_credentials")], (client.ClientId, client.ClientSecret));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>Polls until the condition holds; returns how long that took, or fails after <paramref name="within"/>.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }
            if (clock.Elapsed > within)
            {
                Assert.Fail($"Not seen within {within.TotalSeconds} s: {what}");
            }
            await Task.Delay(100);
        }
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient scim, string path = "Users")
    {
        using var response = await scim.GetAsync(path);
        return response.StatusCode;
    }
}
