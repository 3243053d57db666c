using System.Net.Http.Headers;
using Microsoft.Playwright;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

using static Provisioning.Tests.Browser.AdminPages;

namespace Provisioning.Tests.Browser;

/// <summary>An admin's journeys in a real browser (Debian's Chromium), through the Gateway of the whole running app.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiBrowserTests(ProvisioningApp app, Chromium chromium)
{
    [Fact]
    public async Task AnAdminTurnsOnScimForTheDashboardGeneratesATokenTestsItAndRevokesIt()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();

        await SignInAsync(page, admin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Exact = true }));

        await page.GetByRole(AriaRole.Link, new() { Name = "SCIM setup", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn SCIM on" }).ClickAsync();
        await Expect(page.GetByTestId("scim-status"), "SCIM on");
        Assert.Equal(app.GatewayUrl.ToString().TrimEnd('/') + "/scim/v2", await page.GetByLabel("Okta calls it").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        await Expect(page.GetByText("you will not see this token again"));
        var token = await page.GetByTestId("new-token").InputValueAsync();
        Assert.StartsWith("prv_", token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection with this token" }).ClickAsync();
        await Expect(page.GetByTestId("test-result"), "200");
        Assert.DoesNotContain(token, await page.ContentAsync());
        await Screenshots.SaveAsync(page, "scim-setup");

        using var scim = app.CreateScimClient(token);
        using (var accepted = await scim.GetAsync("Users?startIndex=1&count=2"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke token {token[..12]}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status), "is revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await EventuallyRefusedAsync(scim));

        await page.GetByLabel("Bearer token to test").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("test-result"), "401");
    }

    [Fact]
    public async Task UsersAndGroupsOktaPushesAppearInTheDirectory()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, admin);
        var token = await TurnOnAndGenerateTokenAsync(page, "dashboard");
        using var scim = app.CreateScimClient(token);
        var userName = $"ada.{Guid.NewGuid():N}"[..16] + "@example.com";

        // Okta's create: look the user up, then POST, then push a group with the user in it.
        using (var lookup = await scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}&startIndex=1&count=100"))
        {
            Assert.Equal(0, (await ScimAssert.SuccessAsync(lookup))["totalResults"]!.GetValue<int>());
        }
        var user = await ScimAssert.SuccessAsync(await scim.PostAsync("Users", Scim(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = "Ada", ["familyName"] = "Lovelace" },
            ["displayName"] = "Ada Lovelace",
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
            ["active"] = true,
            ["externalId"] = "00u1ada",
        })), HttpStatusCode.Created);
        await ScimAssert.SuccessAsync(await scim.PostAsync("Groups", Scim(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "Engineering",
            ["members"] = new JsonArray(new JsonObject { ["value"] = user["id"]!.GetValue<string>(), ["display"] = userName }),
        })), HttpStatusCode.Created);

        await page.GotoAsync("/directory/dashboard");
        await page.GetByLabel("Search by name, email or userName").FillAsync("Lovelace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = userName }).ClickAsync();
        await Expect(page.GetByTestId("attributes"), "00u1ada");
        await Expect(page.GetByTestId("user-groups"), "Engineering");
        await page.GetByRole(AriaRole.Link, new() { Name = "Engineering" }).ClickAsync();
        await Expect(page.GetByTestId("members"), userName);
        await page.GotoAsync("/directory/dashboard/groups");
        await Expect(page.GetByTestId("groups"), "Engineering");
        await Screenshots.SaveAsync(page, "directory-groups");
    }

    [Fact]
    public async Task TheDirectoryListsSearchesAndFiltersAConnectionsUsers()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, admin);
        await page.GotoAsync("/directory/dashboard");
        await Expect(page.GetByText("SCIM is not set up for Dashboard"));
        await TurnOnAndGenerateTokenAsync(page, "dashboard");
        await page.GotoAsync("/directory/dashboard");
        await Expect(page.GetByTestId("empty"), "No users yet — assign the app in Okta");

        using var policy = app.CreatePolicyClient();
        var connection = (await policy.GetFromJsonAsync<ConnectionDto[]>($"/internal/organizations/{admin.Organization.Id}/connections"))!
            .Single(c => c.Realm == Realm.Dashboard);
        var grace = await app.InsertUserAsync(connection.Id, "grace@example.com", "Grace Hopper", "grace.hopper@example.com");
        await app.InsertUserAsync(connection.Id, "alan@example.com", "Alan Turing", "alan@example.com", active: false);
        await app.InsertUserAsync(connection.Id, "edsger@example.com", "Edsger Dijkstra", "ewd@example.com");

        await page.GotoAsync("/directory/dashboard");
        await Expect(page.GetByTestId("users"), "3 users");
        await Screenshots.SaveAsync(page, "directory-users");

        await page.GetByLabel("Search by name, email or userName").FillAsync("hopper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("users"), "1 user");
        await Expect(page.GetByTestId("users"), "grace.hopper@example.com");

        await page.GetByLabel("Search by name, email or userName").FillAsync("");
        await page.GetByLabel("Status").SelectOptionAsync("inactive");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("users"), "alan@example.com");
        Assert.DoesNotContain("grace@example.com", await page.GetByTestId("users").InnerTextAsync());

        await page.GotoAsync($"/directory/dashboard/users/{grace}");
        await Expect(page.GetByTestId("attributes"), "grace.hopper@example.com");
        // The timestamp reads in the browser's time zone (Europe/Berlin here), not as UTC text.
        Assert.DoesNotContain("UTC", await page.Locator("time").First.InnerTextAsync());
        await Screenshots.SaveAsync(page, "directory-user");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("realm-dashboard").GetByTestId("users"), "3 (2)");
        await Screenshots.SaveAsync(page, "overview");
    }

    [Fact]
    public async Task TheSignInPageRefusesAWrongPasswordWithoutSayingWhichPartWasWrong()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/setup/dashboard");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fsetup%2Fdashboard", page.Url);
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("The email or password is not correct."));
        await Screenshots.SaveAsync(page, "sign-in");

        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SCIM setup" }));
        Assert.EndsWith("/setup/dashboard", page.Url);
    }

    private static async Task<string> TurnOnAndGenerateTokenAsync(IPage page, string realmSlug)
    {
        await page.GotoAsync("/setup/" + realmSlug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn SCIM on" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        return await page.GetByTestId("new-token").InputValueAsync();
    }

    /// <summary>The Gateway caches an accepted token for a few seconds; a revocation is felt within them.</summary>
    private static async Task<HttpStatusCode> EventuallyRefusedAsync(HttpClient scim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await scim.GetAsync("Users?startIndex=1&count=2");
            if (response.StatusCode != HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }
            await Task.Delay(500);
        }
    }

    private static StringContent Scim(JsonObject body) =>
        new(body.ToJsonString(), new MediaTypeHeaderValue("application/scim+json"));

    private static Task Expect(ILocator locator, string? text = null) =>
        text is null
            ? Assertions.Expect(locator.First).ToBeVisibleAsync()
            : Assertions.Expect(locator.First).ToContainTextAsync(text);
}
