using System.Net.Http.Headers;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>Errors the Gateway itself produces on SCIM routes are SCIM error JSON, never HTML or an empty body.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ScimErrorResponseTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("/scim/Users")]
    [InlineData("/scim/v1/Users")]
    [InlineData("/scim")]
    public async Task AnUnknownPathUnderScimGetsAScim404(string path)
    {
        var tenant = await app.CreateTenantAsync();
        using var gateway = app.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token.Token);

        using var response = await gateway.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMethodScimDoesNotUseGetsAScim405WithAllow()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.SendAsync(new HttpRequestMessage(HttpMethod.Options, "Users"));

        await ScimAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("PATCH", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task ABodyOverTheCapGetsAScim413()
    {
        var tenant = await app.CreateTenantAsync();
        using var content = new ByteArrayContent(new byte[1_048_577]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");

        using var response = await tenant.Scim.PostAsync("Users", content);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AChunkedBodyThatOutgrowsTheCapGetsAScim413()
    {
        var tenant = await app.CreateTenantAsync();
        using var content = new StreamContent(new MemoryStream(new byte[2_100_000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await tenant.Scim.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AnUnauthenticatedRequestToAnUnknownScimPathGetsAScim401NotAPage()
    {
        using var gateway = app.CreateGatewayClient();

        using var response = await gateway.GetAsync("/scim/whatever");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }
}
