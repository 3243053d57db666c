using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

[Collection(ProvisioningAppCollection.Name)]
public sealed class ListingTests(ProvisioningApp app)
{
    private static string Filter(string filter) => Uri.EscapeDataString(filter);

    private static IEnumerable<string> UserNames(JsonObject list) =>
        list["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>());

    [Fact]
    public async Task EntrasExternalIdFilterAndTheWorkEmailFilterFindTheirUser()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();
        var user = await tenant.Scim.CreateUserAsync(userName, "\"externalId\":\"0a21f0f2-8d2a-4f8e-bf98-7d5b4f2f7a10\"");
        await tenant.Scim.CreateUserAsync(Unique());

        var byExternalId = await tenant.Scim.GetJsonAsync($"Users?filter={Filter("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7d5b4f2f7a10\"")}");
        var byWorkEmail = await tenant.Scim.GetJsonAsync($"Users?filter={Filter($"emails[type eq \"work\"].value eq \"{userName.ToUpperInvariant()}\"")}");
        var byDisplayName = await tenant.Scim.GetJsonAsync($"Users?filter={Filter("displayName eq \"Given Family\" and userName co \"user-\"")}");

        Assert.Equal(user.Id(), Assert.Single(byExternalId["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(user.Id(), Assert.Single(byWorkEmail["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(2, byDisplayName["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnIdpsLookUpByUserNameOrExternalIdAnswersAsTheGeneralFilterDoes()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var userName = "Mixed.Case-" + Guid.NewGuid().ToString("N") + "@Example.com";
        var first = await tenant.Scim.CreateUserAsync(userName, "\"externalId\":\"ext-1\"");
        var second = await tenant.Scim.CreateUserAsync(Unique(), "\"externalId\":\"ext-1\"");
        var upperCase = await tenant.Scim.CreateUserAsync(Unique(), "\"externalId\":\"EXT-1\"");
        await other.Scim.CreateUserAsync(userName, "\"externalId\":\"ext-1\"");
        await tenant.Scim.CreateGroupAsync("Engineering", first.Id());
        async Task<JsonObject> List(string query) => await tenant.Scim.GetJsonAsync("Users?" + query);

        // The look-ups (one compiled query each) beside filters the general path composes, which match the same users.
        var byUserName = await List("filter=" + Filter($"userName eq \"{userName.ToLowerInvariant()}\""));
        var byUserNameGenerally = await List("filter=" + Filter($"userName eq \"{userName.ToUpperInvariant()}\" and active eq true"));
        var byQualifiedUserName = await List("filter=" + Filter($"urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"{userName}\""));
        var byExternalId = await List("filter=" + Filter("externalId eq \"ext-1\""));
        var byExternalIdGenerally = await List("filter=" + Filter("externalId eq \"ext-1\" and active eq true"));
        var onePageOfTwo = await List("count=1&filter=" + Filter("externalId eq \"ext-1\""));
        var byUpperCaseExternalId = await List("filter=" + Filter("externalId eq \"EXT-1\""));
        var withoutGroups = await List("attributes=userName&filter=" + Filter($"userName eq \"{userName}\""));

        Assert.True(JsonNode.DeepEquals(byUserNameGenerally, byUserName), byUserName.ToJsonString());
        Assert.Equal(first.Id(), Assert.Single(byUserName["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("Engineering", Assert.Single(byUserName["Resources"]![0]!["groups"]!.AsArray())!["display"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(byUserName, byQualifiedUserName), byQualifiedUserName.ToJsonString());
        Assert.True(JsonNode.DeepEquals(byExternalIdGenerally, byExternalId), byExternalId.ToJsonString());
        Assert.Equal(new[] { first.Id(), second.Id() }.Order(StringComparer.Ordinal), byExternalId["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(2, onePageOfTwo["totalResults"]!.GetValue<int>());
        Assert.Single(onePageOfTwo["Resources"]!.AsArray());
        Assert.Equal(upperCase.Id(), Assert.Single(byUpperCaseExternalId["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Null(Assert.Single(withoutGroups["Resources"]!.AsArray())!["groups"]);
    }

    [Fact]
    public async Task LogicalOperatorsNotAndValuePathsCombine()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("alice@example.com", "\"title\":\"Engineer\"");
        await tenant.Scim.CreateUserAsync("bob@example.org", "\"title\":\"Designer\"");
        await tenant.Scim.CreateUserAsync("carol@example.com");

        var list = await tenant.Scim.GetJsonAsync($"Users?sortBy=userName&filter={Filter("(title pr or userName sw \"CAROL\") and not (emails[value ew \".org\"])")}");

        Assert.Equal(["alice@example.com", "carol@example.com"], UserNames(list));
    }

    [Theory]
    [InlineData("meta.lastModified")]
    [InlineData("meta.created")]
    public async Task ATimestampAUserWasGivenFindsItInAFilter(string attribute)
    {
        var tenant = await app.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("stamped@example.com");
        var stamp = user["meta"]![attribute["meta.".Length..]]!.GetValue<string>();

        async Task<int> MatchesAsync(string op) => (await tenant.Scim.GetJsonAsync(
            $"Users?filter={Filter($"userName eq \"stamped@example.com\" and {attribute} {op} \"{stamp}\"")}"))["totalResults"]!.GetValue<int>();

        // An incremental sync asks for what changed after the newest value it saw: the answer must end.
        string[] operators = ["eq", "le", "ge", "gt", "lt"];
        var matches = new List<int>();
        foreach (var op in operators)
        {
            matches.Add(await MatchesAsync(op));
        }
        Assert.Equal([1, 1, 1, 0, 0], matches);
    }

    [Fact]
    public async Task SortingIsStableAndPagesDoNotOverlap()
    {
        var tenant = await app.CreateTenantAsync();
        foreach (var name in new[] { "d", "b", "e", "a", "c" })
        {
            await tenant.Scim.CreateUserAsync($"{name}@example.com", "\"title\":\"Same\"");
        }

        var first = await tenant.Scim.GetJsonAsync("Users?sortBy=userName&sortOrder=descending&startIndex=1&count=2");
        var second = await tenant.Scim.GetJsonAsync("Users?sortBy=userName&sortOrder=descending&startIndex=3&count=2");
        var third = await tenant.Scim.GetJsonAsync("Users?sortBy=userName&sortOrder=descending&startIndex=5&count=2");
        var byTitle = await tenant.Scim.GetJsonAsync("Users?sortBy=title");

        Assert.Equal(["e@example.com", "d@example.com"], UserNames(first));
        Assert.Equal(["c@example.com", "b@example.com"], UserNames(second));
        Assert.Equal(["a@example.com"], UserNames(third));
        Assert.Equal(5, third["totalResults"]!.GetValue<int>());
        Assert.Equal(5, third["startIndex"]!.GetValue<int>());
        Assert.Equal(1, third["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(5, byTitle["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task CountZeroGivesOnlyTheTotalAndOutOfRangeNumbersAreClamped()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync(Unique());
        await tenant.Scim.CreateUserAsync(Unique());

        var onlyTotal = await tenant.Scim.GetJsonAsync("Users?count=0");
        var clamped = await tenant.Scim.GetJsonAsync("Users?startIndex=-4&count=100000");

        Assert.Equal(2, onlyTotal["totalResults"]!.GetValue<int>());
        Assert.Empty(onlyTotal["Resources"]!.AsArray());
        Assert.Equal(1, clamped["startIndex"]!.GetValue<int>());
        Assert.Equal(2, clamped["itemsPerPage"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Users?startIndex=1&count=2")]        // a full first page
    [InlineData("Users?startIndex=4&count=2")]        // a full last page
    [InlineData("Users?startIndex=5&count=2")]        // a part of a page at the end
    [InlineData("Users?startIndex=9&count=2")]        // past the end: no resources, the total all the same
    [InlineData("Users?startIndex=1&count=100")]      // everything on one page
    [InlineData("Users?count=2&cursor=")]             // the first cursor page
    [InlineData("Users?sortBy=userName&startIndex=3&count=10")]
    public async Task TotalResultsCountsEveryMatchWhicheverPageIsAsked(string page)
    {
        var tenant = await app.CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            await tenant.Scim.CreateUserAsync(Unique());
        }

        var list = await tenant.Scim.GetJsonAsync(page);
        Assert.Equal(5, list["totalResults"]!.GetValue<int>());
        var second = await tenant.Scim.GetJsonAsync("Users?count=2&cursor=" + Uri.EscapeDataString((await tenant.Scim.GetJsonAsync("Users?count=2&cursor="))["nextCursor"]!.GetValue<string>()));
        Assert.Equal(5, second["totalResults"]!.GetValue<int>());
        var filtered = await tenant.Scim.GetJsonAsync("Users?filter=" + Uri.EscapeDataString("userName eq \"nobody@example.com\""));
        Assert.Equal(0, filtered["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task CursorPagingWalksEveryUserOnceAndEnds()
    {
        var tenant = await app.CreateTenantAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await tenant.Scim.CreateUserAsync(Unique())).Id());
        }

        var seen = new List<string>();
        var cursor = "";
        for (var page = 0; page < 10 && cursor is not null; page++)
        {
            var list = await tenant.Scim.GetJsonAsync($"Users?count=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Null(list["startIndex"]);
            seen.AddRange(list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            cursor = list["nextCursor"]?.GetValue<string>();
        }

        Assert.Null(cursor);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task SearchRequestsByPostFilterAndProjectLikeGets()
    {
        var tenant = await app.CreateTenantAsync();
        var userName = Unique();
        await tenant.Scim.CreateUserAsync(userName);
        await tenant.Scim.CreateGroupAsync("Searchable group");

        using var users = await tenant.Scim.PostScimAsync("Users/.search", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"{{userName}}\"","attributes":["userName"],"startIndex":1,"count":10}
            """);
        using var everything = await tenant.Scim.PostScimAsync(".search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":10}
            """);

        var usersBody = await ScimAssert.SuccessAsync(users);
        var found = Assert.Single(usersBody["Resources"]!.AsArray())!.AsObject();
        Assert.Null(found["emails"]);
        Assert.Equal(2, (await ScimAssert.SuccessAsync(everything))["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("unknownAttribute eq \"a\"")]
    [InlineData("active gt true")]
    [InlineData("meta.created gt \"not a date\"")]
    [InlineData("name.givenName co \"\\u0000\"")]
    [InlineData("userName eq \"\\ud800\"")]
    public async Task ABadFilterIsInvalidFilterAndSaysWhatIsWrong(string filter)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync($"Users?filter={Filter(filter)}");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task NonIntegerPagingParametersAreRefused()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await tenant.Scim.GetAsync("Users?count=ten");

        await ScimAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalidValue");
    }
}
