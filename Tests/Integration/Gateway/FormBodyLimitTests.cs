using System.Text;
using System.Net.Http.Headers;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// Outside SCIM, the Gateway takes bodies of at most 64 KB: the token endpoint's form and the Admin UI's forms
/// are a few KB, and a larger body is refused before PolicyService or the Admin UI reads it.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class FormBodyLimitTests(ProvisioningApp app)
{
    private const int Cap = 65_536;

    [Fact]
    public async Task ATokenRequestJustUnderTheCapStillGetsAToken()
    {
        var client = await app.CreateOAuthClientAsync((await app.CreateTenantAsync()).Connection.Id);

        // RFC 6749 §3.2: parameters the server does not know are ignored.
        using var response = await app.PostTokenRequestAsync(
            [new("grant_type", "client_credentials"), new("padding", new string('a', Cap - 100))], (client.ClientId, client.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATokenRequestOverTheCapGetsAnOAuth413AndNoToken()
    {
        var client = await app.CreateOAuthClientAsync((await app.CreateTenantAsync()).Connection.Id);

        using var response = await app.PostTokenRequestAsync(
            [new("grant_type", "client_credentials"), new("padding", new string('a', Cap))], (client.ClientId, client.ClientSecret));

        await AssertTokenRequestRefusedAsync(response);
    }

    [Fact]
    public async Task AChunkedTokenRequestThatOutgrowsTheCapGetsAnOAuth413AndNoToken()
    {
        var client = await app.CreateOAuthClientAsync((await app.CreateTenantAsync()).Connection.Id);
        using var gateway = app.CreateGatewayClient();
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("grant_type=client_credentials&padding=" + new string('a', 4 * Cap))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.ClientSecret)}")));

        using var response = await gateway.SendAsync(request);

        await AssertTokenRequestRefusedAsync(response);
    }

    [Fact]
    public async Task AnAdminUiFormOverTheCapGetsAProblem413()
    {
        using var gateway = app.CreateGatewayClient();
        using var content = new FormUrlEncodedContent([new("Email", "someone@example.com"), new("Password", new string('a', Cap))]);

        using var response = await gateway.PostAsync("/sign-in", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("65536 bytes", await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertTokenRequestRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Null(body["access_token"]);
        Assert.True(response.Headers.CacheControl?.NoStore, "Token endpoint errors must not be cached.");
    }
}
