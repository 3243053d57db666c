using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// Behind a TLS terminator the Gateway trusts (loopback in development): SCIM URLs are https on the
/// public host, the Admin UI's cookies are Secure and HSTS is sent. The same headers from an address
/// it does not trust are ignored (see ProductionModeTests, where none is trusted).
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ForwardedHeadersTests(ProvisioningApp app)
{
    private const string PublicHost = "scim.acme.example";

    [Fact]
    public async Task ForwardedHttpsFromATrustedProxyMakesEveryScimUrlHttpsOnThePublicHost()
    {
        var tenant = await app.CreateTenantAsync();
        using var scim = FromTerminator(app.CreateScimClient(tenant.Token.Token));

        using var config = await scim.GetAsync("ServiceProviderConfig");
        Assert.Equal($"https://{PublicHost}/scim/v2/ServiceProviderConfig", JsonNode.Parse(await config.Content.ReadAsStringAsync())!["meta"]!["location"]!.GetValue<string>());
        Assert.StartsWith("max-age=", config.Headers.GetValues("Strict-Transport-Security").Single());

        using var created = await scim.PostScimAsync("Users", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = ScimRequests.Unique("tls"),
        }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal($"https://{PublicHost}/scim/v2/Users/{user["id"]}", created.Headers.Location!.ToString());
        Assert.Equal(created.Headers.Location.ToString(), user["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForwardedHttpsFromATrustedProxyMakesTheAdminUiCookiesSecure()
    {
        var admin = await app.CreateAdminAsync();
        // Cookies by hand: a cookie container keeps Secure cookies from the plain-http hop behind the terminator.
        using var browser = FromTerminator(new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.GatewayUrl });

        using var signInPage = await browser.GetAsync("/sign-in");
        Assert.Contains("max-age=", signInPage.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = Assert.Single(signInPage.Headers.GetValues("Set-Cookie"));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var html = await signInPage.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password, ["__RequestVerificationToken"] = token }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("provisioning.admin=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverPlainHttpNoCookieIsSecureAndNoHstsIsSent()
    {
        using var browser = app.CreateBrowserLikeClient();
        using var signInPage = await browser.GetAsync("/sign-in");
        Assert.False(signInPage.Headers.Contains("Strict-Transport-Security"));
        Assert.All(signInPage.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What a TLS terminator on loopback adds to the request it passes on.</summary>
    private static HttpClient FromTerminator(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", PublicHost);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        return client;
    }
}
