using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

[Collection(ProvisioningAppCollection.Name)]
public sealed class UsersTests(ProvisioningApp app)
{
    [Fact]
    public async Task OktasCreateAfterAnEmptyLookupReturns201WithLocationETagAndMeta()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();
        var lookup = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}&startIndex=1&count=100");
        Assert.Equal(0, lookup["totalResults"]!.GetValue<int>());

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
             "name":{"givenName":"Ada","familyName":"Lovelace"},"emails":[{"primary":true,"value":"{{userName}}","type":"work"}],
             "displayName":"Ada Lovelace","locale":"en-US","externalId":"00u1abc","groups":[],"password":"S3cret!pass","active":true}
            """);

        var user = await ScimAssert.SuccessAsync(response, HttpStatusCode.Created);
        Assert.Equal(userName, user["userName"]!.GetValue<string>());
        Assert.Equal("Ada", user["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("00u1abc", user["externalId"]!.GetValue<string>());
        Assert.Null(user["password"]);
        Assert.Equal("User", user["meta"]!["resourceType"]!.GetValue<string>());
        Assert.EndsWith($"/scim/v2/Users/{user.Id()}", user["meta"]!["location"]!.GetValue<string>());
        Assert.Equal(response.Headers.Location!.ToString(), user["meta"]!["location"]!.GetValue<string>());
        Assert.StartsWith(tenant.Scim.BaseAddress!.GetLeftPart(UriPartial.Authority), response.Headers.Location!.ToString());
        Assert.Equal(user["meta"]!["version"]!.GetValue<string>(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task APasswordIsAcceptedButNothingOfItIsStored()
    {
        var tenant = await app.CreateTenantAsync();
        const string password = "Tr0ub4dor&3-horse-battery";
        var created = await ScimAssert.SuccessAsync(await tenant.Scim.PostScimAsync("Users",
            $$"""{"userName":"{{Unique()}}","password":"{{password}}"}"""), HttpStatusCode.Created);
        var version = created["meta"]!["version"]!.GetValue<string>();

        using var patch = await tenant.Scim.PatchScimAsync($"Users/{created.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"{{password}}!"}]}""");
        var patched = await ScimAssert.SuccessAsync(patch);

        var row = await app.UserRowAsync(created.Id());
        Assert.DoesNotContain(password, row);
        Assert.DoesNotContain("password", row, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(version, patched["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task AUserIsReadBackByIdAndByItsUserNameInAnyCase()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());

        var read = await tenant.Scim.GetJsonAsync($"Users/{created.Id()}");
        var byName = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{created["userName"]!.GetValue<string>().ToUpperInvariant()}\"")}");

        Assert.Equal(created.Id(), read.Id());
        Assert.Equal(1, byName["totalResults"]!.GetValue<int>());
        Assert.Equal(created.Id(), byName["Resources"]![0]!["id"]!.GetValue<string>());
    }

    /// <summary>
    /// The key a userName is stored under and the one a look-up asks for are folded alike. PostgreSQL's lower()
    /// turns the Turkish dotted capital İ into i, the key keeps it: a look-up folded there found nothing, and
    /// the IdP's create that followed hit the stored key as a conflict.
    /// </summary>
    [Theory]
    [InlineData("userName")]
    [InlineData("emails.value")]
    public async Task AUserWhoseNameHasATurkishDottedCapitalIIsFoundByTheLookUpsAndByAnyFilter(string attribute)
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique("İlknur");
        var created = await tenant.Scim.CreateUserAsync(userName);

        var lookUp = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"{attribute} eq \"{userName}\"")}");
        var sorted = await tenant.Scim.GetJsonAsync($"Users?sortBy=userName&filter={Uri.EscapeDataString($"{attribute} eq \"{userName}\"")}");

        Assert.Equal(created.Id(), Assert.Single(lookUp["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(created.Id(), Assert.Single(sorted["Resources"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AUserNameThatDiffersOnlyInCaseIsAConflict()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();
        await tenant.Scim.CreateUserAsync(userName);

        using var response = await tenant.Scim.PostScimAsync("Users", $$"""{"userName":"{{userName.ToUpperInvariant()}}"}""");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task ConcurrentCreatesOfOneUserNameMakeExactlyOneUser()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.Scim.PostScimAsync("Users", $$"""{"userName":"{{userName}}"}""")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var list = await tenant.Scim.GetJsonAsync("Users");
        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task PutReplacesTheUserAndMovesItsVersionOn()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());

        using var response = await tenant.Scim.PutScimAsync($"Users/{created.Id()}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{{created.Id()}}}","userName":"{{{created["userName"]!.GetValue<string>()}}}",
             "name":{"givenName":"New","familyName":"Name"},"title":"Engineer","active":true}
            """);

        var replaced = await ScimAssert.SuccessAsync(response);
        Assert.Equal("New", replaced["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Engineer", replaced["title"]!.GetValue<string>());
        Assert.Null(replaced["emails"]);
        Assert.NotEqual(created["meta"]!["version"]!.GetValue<string>(), replaced["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADeactivatedUserIsStillReturnedByGetAndByFilters()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());
        using var patch = await tenant.Scim.PatchScimAsync($"Users/{created.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        await ScimAssert.SuccessAsync(patch);

        var read = await tenant.Scim.GetJsonAsync($"Users/{created.Id()}");
        var inactive = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString("active eq false")}");

        Assert.False(read["active"]!.GetValue<bool>());
        Assert.Equal(created.Id(), Assert.Single(inactive["Resources"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AUserSentWithoutActiveIsShownActiveAsTheFiltersFindIt()
    {
        var tenant = await app.CreateTenantAsync();
        using var created = await tenant.Scim.PostScimAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"no-active@example.com"}""");
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);

        var read = await tenant.Scim.GetJsonAsync($"Users/{user.Id()}");
        var active = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString("userName eq \"no-active@example.com\" and active eq true")}");

        Assert.True(user["active"]!.GetValue<bool>());
        Assert.True(read["active"]!.GetValue<bool>());
        Assert.Equal(1, active["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteRemovesTheUserAndASecondDeleteIsNotFound()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());

        using var deleted = await tenant.Scim.DeleteAsync($"Users/{created.Id()}");
        using var again = await tenant.Scim.DeleteAsync($"Users/{created.Id()}");
        using var read = await tenant.Scim.GetAsync($"Users/{created.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ScimAssert.ErrorAsync(again, HttpStatusCode.NotFound);
        await ScimAssert.ErrorAsync(read, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherConnectionsUserIdIsNotFoundForEveryVerb()
    {
        var owner = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var user = await owner.Scim.CreateUserAsync(Unique());

        using var get = await other.Scim.GetAsync($"Users/{user.Id()}");
        using var put = await other.Scim.PutScimAsync($"Users/{user.Id()}", """{"userName":"taken@example.com"}""");
        using var patch = await other.Scim.PatchScimAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","value":{"active":false}}]}""");
        using var delete = await other.Scim.DeleteAsync($"Users/{user.Id()}");
        var filtered = await other.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString($"id eq \"{user.Id()}\"")}");

        await ScimAssert.ErrorAsync(get, HttpStatusCode.NotFound);
        await ScimAssert.ErrorAsync(put, HttpStatusCode.NotFound);
        await ScimAssert.ErrorAsync(patch, HttpStatusCode.NotFound);
        await ScimAssert.ErrorAsync(delete, HttpStatusCode.NotFound);
        Assert.Equal(0, filtered["totalResults"]!.GetValue<int>());
        Assert.True((await owner.Scim.GetJsonAsync($"Users/{user.Id()}"))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IfMatchWithAnOldVersionIsRefusedAndIfNoneMatchWithTheCurrentOneIsNotModified()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());
        var version = created["meta"]!["version"]!.GetValue<string>();
        using var change = await tenant.Scim.PatchScimAsync($"Users/{created.Id()}", """{"Operations":[{"op":"replace","path":"title","value":"CTO"}]}""");
        var current = (await ScimAssert.SuccessAsync(change))["meta"]!["version"]!.GetValue<string>();

        using var stale = await tenant.Scim.SendScimAsync(HttpMethod.Patch, $"Users/{created.Id()}",
            """{"Operations":[{"op":"replace","path":"title","value":"CEO"}]}""", h => h.TryAddWithoutValidation("If-Match", version));
        using var cached = await tenant.Scim.SendScimAsync(HttpMethod.Get, $"Users/{created.Id()}", headers: h => h.TryAddWithoutValidation("If-None-Match", current));

        await ScimAssert.ErrorAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal("CTO", (await tenant.Scim.GetJsonAsync($"Users/{created.Id()}"))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutAndPatchAnswerWithTheUsersGroupsAndStoreTheChange()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Engineering " + Guid.NewGuid().ToString("N")[..8], created.Id());

        using var put = await tenant.Scim.PutScimAsync($"Users/{created.Id()}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{created["userName"]!.GetValue<string>()}}}","title":"Engineer","active":true}
            """);
        var replaced = await ScimAssert.SuccessAsync(put);
        using var patch = await tenant.Scim.PatchScimAsync($"Users/{created.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"title":"Lead"}}]}""");
        var patched = await ScimAssert.SuccessAsync(patch);
        var read = await tenant.Scim.GetJsonAsync($"Users/{created.Id()}");

        Assert.Equal(group.Id(), Assert.Single(replaced["groups"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.Equal(group.Id(), Assert.Single(patched["groups"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.Equal("Lead", read["title"]!.GetValue<string>());
        Assert.Equal(patched["meta"]!["version"]!.GetValue<string>(), read["meta"]!["version"]!.GetValue<string>());
        Assert.Equal(group.Id(), Assert.Single(read["groups"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task AttributesAndExcludedAttributesShapeReadsAndWriteResponses()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateUserAsync(Unique());

        var onlyName = await tenant.Scim.GetJsonAsync($"Users/{created.Id()}?attributes=userName");
        var withoutEmails = await tenant.Scim.GetJsonAsync($"Users/{created.Id()}?excludedAttributes=emails,name.givenName");
        using var patched = await tenant.Scim.PatchScimAsync($"Users/{created.Id()}?attributes=title",
            """{"Operations":[{"op":"add","path":"title","value":"Lead"}]}""");
        var patchedBody = await ScimAssert.SuccessAsync(patched);

        Assert.Equal(created.Id(), onlyName.Id());
        Assert.NotNull(onlyName["userName"]);
        Assert.Null(onlyName["emails"]);
        Assert.Null(onlyName["name"]);
        Assert.Null(withoutEmails["emails"]);
        Assert.Null(withoutEmails["name"]!["givenName"]);
        Assert.NotNull(withoutEmails["name"]!["familyName"]);
        Assert.Equal("Lead", patchedBody["title"]!.GetValue<string>());
        Assert.Null(patchedBody["userName"]);
    }

    [Fact]
    public async Task TheEnterpriseExtensionIsStoredAndReturnedWithItsSchema()
    {
        var tenant = await app.CreateTenantAsync();
        var manager = await tenant.Scim.CreateUserAsync(Unique());

        var user = await tenant.Scim.CreateUserAsync(Unique(), $$$"""
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber":"701984","department":"Tour Operations","manager":{"value":"{{{manager.Id()}}}"}}
            """);
        var byDepartment = await tenant.Scim.GetJsonAsync($"Users?filter={Uri.EscapeDataString("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"tour operations\"")}");

        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(manager.Id(), user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal(user.Id(), Assert.Single(byDepartment["Resources"]!.AsArray())!["id"]!.GetValue<string>());
    }
}
