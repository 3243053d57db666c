using System.Text;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>Whatever a client sends, the answer is a SCIM error in 4xx and nothing is written.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class BadInputTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("{\"userName\":", "invalidSyntax")]
    [InlineData("[1,2,3]", "invalidSyntax")]
    [InlineData("\"just a string\"", "invalidSyntax")]
    [InlineData("{}", "invalidValue")]
    [InlineData("{\"userName\":42}", "invalidValue")]
    [InlineData("{\"userName\":\"x@example.com\",\"active\":\"sometimes\"}", "invalidValue")]
    [InlineData("{\"userName\":\"x@example.com\",\"emails\":\"not-a-list\"}", "invalidValue")]
    [InlineData("{\"userName\":\"x@example.com\",\"emails\":[{\"value\":\"a@x\",\"primary\":true},{\"value\":\"b@x\",\"primary\":true}]}", "invalidValue")]
    [InlineData("{\"schemas\":[\"urn:example:unknown\"],\"userName\":\"x@example.com\"}", null)]
    [InlineData("{\"userName\":\"nul\\u0000@example.com\"}", "invalidValue")]
    [InlineData("{\"userName\":\"x@example.com\",\"title\":\"\\ud800\"}", "invalidValue")]
    [InlineData("{\"userName\":\"x@example.com\",\"userName\":\"y@example.com\"}", "invalidSyntax")]
    public async Task ABadUserBodyIsRefusedAndNothingIsWritten(string body, string? scimType)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync("Users", body);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, scimType);
        Assert.Equal(0, (await tenant.Scim.GetJsonAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Groups/{0}", 100)]
    [InlineData("Groups/{0}", 7_000)]
    [InlineData("Groups/{0}", 20_000)]
    [InlineData("Users/{0}", 7_000)]
    [InlineData("Groups", 7_000)]
    [InlineData("Users", 20_000)]
    public async Task AnOverlongFilterOnAReadIsAnErrorOfTheClientsNeverOfTheServer(string path, int length)
    {
        var tenant = await app.CreateTenantAsync();
        var group = await tenant.Scim.CreateGroupAsync("Long " + Unique());

        using var response = await tenant.Scim.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, group.Id()) + "?filter=" + new string('x', length));

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Percent-encoded, 2,000 accented letters are 12 KB: past Kestrel's default request line, within the filter's own 4,096 characters.</summary>
    [Fact]
    public async Task AFilterWithinItsLengthIsReadHoweverLongItsEncodingIs()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("long-filter@example.com");
        var filter = $"displayName eq \"{new string('é', 2000)}\" or userName eq \"long-filter@example.com\"";

        var list = await tenant.Scim.GetJsonAsync("Users?filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeeplyNestedJsonIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        var deep = new string('[', 500) + new string(']', 500);

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"x@example.com","title":{{deep}}}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task AHugeBodyIsRefusedWithoutReadingItAll()
    {
        var tenant = await app.CreateTenantAsync();
        var huge = new string('a', 3 * 1024 * 1024);

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"x@example.com","title":"{{huge}}"}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AnOverlongStringValueIsRefused()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"x@example.com","title":"{{new string('a', 20_000)}}"}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task AnUnsupportedContentTypeIsRefused()
    {
        var tenant = await app.CreateTenantAsync();
        using var content = new StringContent("userName=x", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await tenant.Scim.PostAsync("Users", content);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("garbage/;;")]
    public async Task AMalformedContentTypeIsRefused(string contentType)
    {
        var tenant = await app.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users") { Content = new StringContent("{\"userName\":\"x@example.com\"}") };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await tenant.Scim.SendAsync(request);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName pr\",\"Filter\":\"x\"}")]
    [InlineData("Bulk", "{\"Operations\":[{\"method\":\"POST\",\"Method\":\"PUT\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"x@example.com\"}}]}")]
    public async Task ANameGivenTwiceInDifferentCaseIsRefused(string path, string body)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync(path, body);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Equal(0, (await tenant.Scim.GetJsonAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task PlainApplicationJsonIsAccepted()
    {
        var tenant = await app.CreateTenantAsync();
        using var content = new StringContent($$"""{"userName":"{{Unique()}}"}""", Encoding.UTF8, "application/json");

        using var response = await tenant.Scim.PostAsync("Users", content);

        await ScimAssert.SuccessAsync(response, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("{}", "invalidSyntax")]
    [InlineData("{\"Operations\":[]}", "invalidSyntax")]
    [InlineData("{\"Operations\":\"replace\"}", "invalidSyntax")]
    [InlineData("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}", "invalidSyntax")]
    public async Task ABadPatchRequestIsRefused(string body, string scimType)
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        using var response = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}", body);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, scimType);
    }

    [Theory]
    [InlineData("Users/not-a-guid")]
    [InlineData("Groups/00000000-0000-0000-0000-000000000000")]
    [InlineData("Users/%27%20OR%201%3D1")]
    public async Task IdsThatNameNothingAre404(string path)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync(path);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>The signed context carries the path: a long one must not make the Gateway's own context unreadable (an IdP reads 401 as wrong credentials).</summary>
    [Theory]
    [InlineData("Users", 1000, 'a')]
    [InlineData("Groups", 1000, 'é')]
    [InlineData("Users", 6000, 'a')]
    [InlineData("Groups", 40_000, 'a')]
    public async Task AnIdLongerThanAnyRealOneIs404NotAnUnauthenticatedRequest(string resource, int length, char letter)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync($"{resource}/{new string(letter, length)}");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Random text does not compress: a value this long would not fit PostgreSQL's index entries.</summary>
    private static string Incompressible(int length) =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length))[..length];

    [Theory]
    [InlineData("userName")]
    [InlineData("externalId")]
    [InlineData("email")]
    public async Task AnIndexedUserValueTooLongToIndexIsRefused(string attribute)
    {
        var tenant = await app.CreateTenantAsync();
        var huge = Incompressible(6000);
        var body = attribute switch
        {
            "userName" => $$"""{"userName":"{{huge}}"}""",
            "externalId" => $$"""{"userName":"x@example.com","externalId":"{{huge}}"}""",
            _ => $$"""{"userName":"x@example.com","emails":[{"value":"{{huge}}","type":"work"}]}""",
        };

        using var response = await tenant.Scim.PostScimAsync("Users", body);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, (await tenant.Scim.GetJsonAsync("Users"))["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task AGroupNameTooLongToIndexIsRefused()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.PostScimAsync("Groups", $$"""{"displayName":"{{Incompressible(6000)}}"}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task APatchThatMakesAUserNameTooLongToIndexIsRefusedAndChangesNothing()
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(Unique());

        using var response = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":"{{Incompressible(6000)}}"}]}
            """);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(user["userName"]!.GetValue<string>(), (await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["userName"]!.GetValue<string>());
    }
}
