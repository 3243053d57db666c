using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>The PATCH bodies Okta and Entra really send for users, through the Gateway.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class UserPatchTests(ProvisioningApp app)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private async Task<(Tenant Tenant, JsonObject User)> UserAsync()
    {
        var tenant = await app.CreateTenantAsync();
        return (tenant, await tenant.Scim.CreateUserAsync(Unique()));
    }

    private static async Task<JsonObject> PatchAsync(Tenant tenant, JsonObject user, string operations)
    {
        using var response = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");
        return await ScimAssert.SuccessAsync(response);
    }

    [Fact]
    public async Task OktaDeactivatesWithAReplaceWithoutPath()
    {
        var (tenant, user) = await UserAsync();

        var patched = await PatchAsync(tenant, user, """[{"op":"replace","value":{"active":false}}]""");

        Assert.False(patched["active"]!.GetValue<bool>());
        Assert.Equal(user["userName"]!.GetValue<string>(), patched["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntraDeactivatesWithACapitalisedReplaceAndAStringBoolean()
    {
        var (tenant, user) = await UserAsync();

        var patched = await PatchAsync(tenant, user, """[{"op":"Replace","path":"active","value":"False"}]""");

        Assert.False(patched["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EntrasFilteredAddressAddsBuildOneWorkAddress()
    {
        var (tenant, user) = await UserAsync();

        var patched = await PatchAsync(tenant, user, """
            [{"op":"Add","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"},
             {"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
             {"op":"Add","path":"addresses[type eq \"work\"].postalCode","value":"12345"},
             {"op":"Replace","path":"emails[type eq \"work\"].value","value":"renamed@example.com"}]
            """);

        var address = Assert.Single(patched["addresses"]!.AsArray())!;
        Assert.Equal("work", address["type"]!.GetValue<string>());
        Assert.Equal("1 Main St", address["streetAddress"]!.GetValue<string>());
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("renamed@example.com", Assert.Single(patched["emails"]!.AsArray())!["value"]!.GetValue<string>());
        var byNewEmail = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString("emails.value eq \"renamed@example.com\"")}");
        Assert.Equal(1, byNewEmail["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task EntrasDottedKeysAndUrnKeysInANoPathReplaceLand()
    {
        var (tenant, user) = await UserAsync();

        var patched = await PatchAsync(tenant, user, $$$"""
            [{"op":"Replace","value":{"name.givenName":"Grace","name.familyName":"Hopper","{{{Enterprise}}}:department":"Navy","displayName":"Grace Hopper"}}]
            """);

        Assert.Equal("Grace", patched["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Hopper", patched["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal("Navy", patched[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal("Grace Hopper", patched["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntrasManagerAsABareStringBecomesAManagerReferenceAndCanBeRemoved()
    {
        var (tenant, user) = await UserAsync();
        var manager = await tenant.Scim.CreateUserAsync(Unique());

        var withManager = await PatchAsync(tenant, user, $$"""[{"op":"Add","path":"{{Enterprise}}:manager","value":"{{manager.Id()}}"}]""");
        var withoutManager = await PatchAsync(tenant, user, $$"""[{"op":"Remove","path":"{{Enterprise}}:manager"}]""");

        Assert.Equal(manager.Id(), withManager[Enterprise]!["manager"]!["value"]!.GetValue<string>());
        Assert.Null(withoutManager[Enterprise]?["manager"]);
    }

    [Fact]
    public async Task AReplaceWhoseFilterMatchesNothingIsNoTargetAndChangesNothing()
    {
        var (tenant, user) = await UserAsync();

        using var response = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","path":"title","value":"Changed"},
              {"op":"replace","path":"phoneNumbers[type eq \"fax\"]","value":{"type":"fax","value":"555"}}]}
            """);

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "noTarget");
        Assert.Null((await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["title"]);
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"groups","value":[]}]""", "mutability")]
    [InlineData("""[{"op":"replace","path":"meta.created","value":"2020-01-01T00:00:00Z"}]""", "mutability")]
    [InlineData("""[{"op":"replace","path":"emails[type eq","value":"x"}]""", "invalidPath")]
    [InlineData("""[{"op":"explode","path":"title","value":"x"}]""", "invalidSyntax")]
    [InlineData("""[{"op":"replace","path":"active","value":"perhaps"}]""", "invalidValue")]
    [InlineData("""[{"op":"remove"}]""", "noTarget")]
    public async Task ABrokenOperationGetsItsScimTypeAndChangesNothing(string operations, string scimType)
    {
        var (tenant, user) = await UserAsync();

        using var response = await tenant.Scim.PatchScimAsync($"Users/{user.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, scimType);
        var after = await tenant.Scim.GetJsonAsync($"Users/{user.Id()}");
        Assert.Equal(user["meta"]!["version"]!.GetValue<string>(), after["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResendingTheSamePatchKeepsTheVersion()
    {
        var (tenant, user) = await UserAsync();

        var first = await PatchAsync(tenant, user, """[{"op":"replace","value":{"active":false}}]""");
        var second = await PatchAsync(tenant, user, """[{"op":"replace","value":{"active":false}}]""");

        Assert.Equal(first["meta"]!["version"]!.GetValue<string>(), second["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task APasswordSetByPatchIsNeverReturned()
    {
        var (tenant, user) = await UserAsync();

        var patched = await PatchAsync(tenant, user, """[{"op":"replace","path":"password","value":"N3w-passw0rd"}]""");
        using var asked = await tenant.Scim.GetAsync($"Users/{user.Id()}?attributes=password");

        Assert.Null(patched["password"]);
        Assert.Null((await ScimAssert.SuccessAsync(asked))["password"]);
    }
}
