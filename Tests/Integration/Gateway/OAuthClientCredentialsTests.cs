using System.Net.Http.Headers;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>The OAuth 2.0 client credentials flow through the Gateway: token endpoint, then SCIM with the access token.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class OAuthClientCredentialsTests(ProvisioningApp app)
{
    private static readonly KeyValuePair<string, string> ClientCredentialsGrant = new("grant_type", "client_credentials");

    [Fact]
    public async Task AClientAuthenticatedByHttpBasicGetsAnAccessTokenThatOpensTheScimApi()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        using var response = await app.PostTokenRequestAsync([ClientCredentialsGrant], (client.ClientId, client.ClientSecret));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        using var scim = app.CreateScimClient(body["access_token"]!.GetValue<string>());
        await ScimAssert.SuccessAsync(await scim.GetAsync("Users?startIndex=1&count=2"));
    }

    [Fact]
    public async Task AClientAuthenticatedByFormFieldsGetsAnAccessTokenToo()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        using var response = await app.PostTokenRequestAsync(
            [ClientCredentialsGrant, new("client_id", client.ClientId), new("client_secret", client.ClientSecret)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        using var scim = app.CreateScimClient(token);
        await ScimAssert.SuccessAsync(await scim.GetAsync("Users"));
    }

    [Fact]
    public async Task AWrongSecretByHttpBasicGets401InvalidClientWithABasicChallenge()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        using var response = await app.PostTokenRequestAsync([ClientCredentialsGrant], (client.ClientId, client.ClientSecret + "x"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task AWrongSecretInTheFormGets400InvalidClient()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        using var response = await app.PostTokenRequestAsync(
            [ClientCredentialsGrant, new("client_id", client.ClientId), new("client_secret", "prvs_wrong")]);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_client");
    }

    [Fact]
    public async Task ARequestWithoutClientAuthenticationGets401InvalidClient()
    {
        using var response = await app.PostTokenRequestAsync([ClientCredentialsGrant]);

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task AMissingGrantTypeARepeatedParameterOrBothAuthenticationMethodsAreInvalidRequests()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        var basic = (client.ClientId, client.ClientSecret);

        await AssertOAuthErrorAsync(await app.PostTokenRequestAsync([], basic), HttpStatusCode.BadRequest, "invalid_request");
        await AssertOAuthErrorAsync(await app.PostTokenRequestAsync([ClientCredentialsGrant, ClientCredentialsGrant], basic), HttpStatusCode.BadRequest, "invalid_request");
        await AssertOAuthErrorAsync(await app.PostTokenRequestAsync([ClientCredentialsGrant, new("client_secret", client.ClientSecret)], basic), HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task AJsonBodyIsAnInvalidRequest()
    {
        using var gateway = app.CreateGatewayClient();

        using var response = await gateway.PostAsJsonAsync("/oauth/token", new { grant_type = "client_credentials" });

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task AnotherGrantTypeIsUnsupported()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        using var response = await app.PostTokenRequestAsync(
            [new("grant_type", "password"), new("username", "a"), new("password", "b")], (client.ClientId, client.ClientSecret));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task ADisabledConnectionGetsNoTokenAndItsLiveTokensGet403()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        using var scim = app.CreateScimClient(await app.GetAccessTokenAsync(client));

        await app.SetEnabledAsync(tenant, enabled: false);

        await AssertOAuthErrorAsync(
            await app.PostTokenRequestAsync([ClientCredentialsGrant], (client.ClientId, client.ClientSecret)), HttpStatusCode.BadRequest, "unauthorized_client");
        await Credentials.EventuallyAsync(async () => await scim.StatusOfAsync() == HttpStatusCode.Forbidden,
            TimeSpan.FromSeconds(5), "the access token refused with 403");
    }

    [Fact]
    public async Task RotatingTheClientSecretRetiresTheOldSecretAndItsAccessTokensWithinFiveSeconds()
    {
        var tenant = await app.CreateTenantAsync();
        var old = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        using var oldScim = app.CreateScimClient(await app.GetAccessTokenAsync(old));
        Assert.Equal(HttpStatusCode.OK, await oldScim.StatusOfAsync());

        var rotated = await app.CreateOAuthClientAsync(tenant.Connection.Id);

        await AssertOAuthErrorAsync(
            await app.PostTokenRequestAsync([ClientCredentialsGrant], (old.ClientId, old.ClientSecret)), HttpStatusCode.Unauthorized, "invalid_client");
        await Credentials.EventuallyAsync(async () => await oldScim.StatusOfAsync() == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the old client's access token refused");
        using var newScim = app.CreateScimClient(await app.GetAccessTokenAsync(rotated));
        Assert.Equal(HttpStatusCode.OK, await newScim.StatusOfAsync());
    }

    [Fact]
    public async Task DeletingTheClientRefusesItsAccessTokensWithinFiveSeconds()
    {
        var tenant = await app.CreateTenantAsync();
        var client = await app.CreateOAuthClientAsync(tenant.Connection.Id);
        using var scim = app.CreateScimClient(await app.GetAccessTokenAsync(client));
        Assert.Equal(HttpStatusCode.OK, await scim.StatusOfAsync());
        using var policy = app.CreatePolicyClient();

        using var deleted = await policy.DeleteAsync($"/internal/connections/{tenant.Connection.Id}/oauth-client");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Credentials.EventuallyAsync(async () => await scim.StatusOfAsync() == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the deleted client's access token refused");
    }

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(error, JsonNode.Parse(text)!["error"]!.GetValue<string>());
            Assert.True(response.Headers.CacheControl?.NoStore, "Token endpoint errors must not be cached.");
        }
    }
}
