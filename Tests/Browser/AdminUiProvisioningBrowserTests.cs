using Microsoft.Playwright;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

using static Provisioning.Tests.Browser.AdminPages;

namespace Provisioning.Tests.Browser;

/// <summary>
/// An admin watches provisioning happen in a real browser: an Okta create becomes a collaborator and
/// log entries, a group mapping changes a role, an MDM deactivation moves devices.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiProvisioningBrowserTests(ProvisioningApp app, Chromium chromium)
{
    [Fact]
    public async Task AnOktaCreateShowsTheUserTheCollaboratorAndTheLogAndAGroupMappedToEditorChangesTheRole()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, admin);
        var token = await TurnOnAndGenerateTokenAsync(page, "dashboard");

        await page.GotoAsync("/policies/dashboard");
        await Expect(page.GetByLabel("Create the collaborator"));
        Assert.Equal("Viewer", await page.GetByLabel("Default role", new() { Exact = true }).InputValueAsync());

        // Okta's create: look the user up by userName, then POST it; then push a group with the user in it.
        using var scim = app.CreateScimClient(token);
        var userName = Unique("ada");
        await ScimAssert.SuccessAsync(await scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}&startIndex=1&count=100"));
        var user = await scim.CreateUserAsync(userName);
        await scim.CreateGroupAsync("Support", user.Id());

        await page.GotoAsync("/directory/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = userName }).ClickAsync();
        await Expect(page.GetByTestId("account"), userName);
        await Expect(page.GetByTestId("role"), "Viewer");
        await Expect(page.GetByTestId("user-log"), "AccountCreated");
        await Expect(page.GetByTestId("user-log"), "collaborator " + userName + " created with role Viewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("log"), "AccountCreated");
        await Screenshots.SaveAsync(page, "log");
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("AccountCreated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByTestId("log"), "1 entry");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("AccountCreated") }).ClickAsync();
        await Expect(page.GetByTestId("operation"), "POST /Users");
        await Expect(page.GetByTestId("entry"), "on create: CreateAccount (default role Viewer)");
        await Expect(page.GetByTestId("request-actions"), "ScimChange");
        Assert.Matches("^[0-9a-f]{32}$", await page.GetByTestId("trace-id").InnerTextAsync());
        Assert.DoesNotContain(token, await page.ContentAsync());
        await Screenshots.SaveAsync(page, "log-entry");

        await page.GetByRole(AriaRole.Link, new() { Name = "Group roles", Exact = true }).ClickAsync();
        await page.GetByLabel("Role for Support").SelectOptionAsync("Editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mappings" }).ClickAsync();
        await Expect(page.GetByTestId("message"), "1 collaborator changed role.");
        await Screenshots.SaveAsync(page, "group-roles");

        await page.GotoAsync($"/directory/dashboard/users/{user.Id()}");
        await Expect(page.GetByTestId("role"), "Editor");
        await Expect(page.GetByTestId("user-log"), "role Viewer → Editor");
        await Screenshots.SaveAsync(page, "directory-user-accounts");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("activity-chart"));
        Assert.Contains("Creates: 1", await page.GetByRole(AriaRole.Region, new() { Name = "Provisioning activity" }).InnerTextAsync());
        await Screenshots.SaveAsync(page, "overview-activity");
    }

    [Fact]
    public async Task AnMdmDeactivationWithChangePolicyMovesTheUsersDevicesAndTheUiShowsIt()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, admin);
        var token = await TurnOnAndGenerateTokenAsync(page, "mdm-portal");

        await page.GotoAsync("/devices/policies");
        await Expect(page.GetByTestId("empty"), "No device policies yet");
        foreach (var name in new[] { "Standard", "Lost or stolen" })
        {
            await page.GetByLabel("New device policy").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create device policy" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status), $"Device policy '{name}' is created.");
        }
        await Screenshots.SaveAsync(page, "device-policies");

        using var scim = app.CreateScimClient(token);
        var userName = Unique("grace");
        var user = await scim.CreateUserAsync(userName);

        await page.GetByRole(AriaRole.Link, new() { Name = "Devices", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("MacBook Pro");
        await page.GetByLabel("Platform").FillAsync("macOS");
        await page.GetByLabel("Serial number").FillAsync("SN-" + Guid.NewGuid().ToString("N")[..10]);
        await page.GetByLabel("Device policy").SelectOptionAsync(new SelectOptionValue { Label = "Standard" });
        await page.GetByLabel("Assigned to").SelectOptionAsync(new SelectOptionValue { Label = $"{userName} (Given Family)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add device" }).ClickAsync();
        await Expect(page.GetByTestId("devices"), userName);
        await Screenshots.SaveAsync(page, "devices");

        await page.GotoAsync("/policies/mdm-portal");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Change device policy" }).CheckAsync();
        await page.GetByLabel("Device policy for \"Change device policy\"").SelectOptionAsync(new SelectOptionValue { Label = "Lost or stolen" });
        await page.GetByLabel("User (userName or email)").FillAsync(userName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByTestId("preview"), $"Deactivating {userName} would move 1 device: MacBook Pro");
        await Expect(page.GetByTestId("preview"), "to the device policy 'Lost or stolen'");
        await Screenshots.SaveAsync(page, "policies");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status), "policy is saved");
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "Change device policy" }).IsCheckedAsync());

        // Okta's deactivation: a PATCH replace without a path.
        using (var deactivate = await scim.SendScimAsync(HttpMethod.Patch, $"Users/{user.Id()}",
                   """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""",
                   headers => headers.UserAgent.ParseAdd(RealmRequests.OktaUserAgent)))
        {
            await ScimAssert.SuccessAsync(deactivate);
        }

        await page.GotoAsync("/devices");
        var row = page.GetByTestId("devices").GetByRole(AriaRole.Row, new() { Name = "MacBook Pro" });
        await Expect(row, "Lost or stolen");
        await Expect(row, userName);
        await page.GotoAsync($"/directory/mdm-portal/users/{user.Id()}");
        await Expect(page.GetByTestId("user-devices"), "Lost or stolen");
        await Expect(page.GetByTestId("user-log"), "DevicesMoved");
        await Expect(page.GetByTestId("user-log"), "1 device of " + userName + " moved to policy 'Lost or stolen'");
        await Screenshots.SaveAsync(page, "directory-user-devices");
    }

    [Fact]
    public async Task AnAdminCreatesRotatesAndDeletesAnOAuthClientAndTheTokenUrlAnswersIt()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await SignInAsync(page, admin);
        await TurnOnAndGenerateTokenAsync(page, "enterprise-store");

        var tokenUrl = await page.GetByLabel("Token URL").InputValueAsync();
        Assert.Equal(app.GatewayUrl.ToString().TrimEnd('/') + "/oauth/token", tokenUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create OAuth client" }).ClickAsync();
        await Expect(page.GetByText("you will not see it again"));
        var clientId = await page.GetByLabel("Client id").InputValueAsync();
        var secret = await page.GetByTestId("new-client-secret").InputValueAsync();
        Assert.StartsWith("prvc_", clientId);
        Assert.StartsWith("prvs_", secret);
        await Screenshots.SaveAsync(page, "scim-setup-oauth");
        Assert.Equal(HttpStatusCode.OK, await RequestTokenAsync(tokenUrl, clientId, secret));

        await page.GotoAsync("/setup/enterprise-store");
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await Expect(page.GetByTestId("oauth-client"), clientId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate secret (new client)" }).ClickAsync();
        var rotatedId = await page.GetByLabel("Client id").InputValueAsync();
        Assert.NotEqual(clientId, rotatedId);
        Assert.NotEqual(HttpStatusCode.OK, await RequestTokenAsync(tokenUrl, clientId, secret));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete OAuth client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status), $"OAuth client {rotatedId} is deleted.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create OAuth client" }));
    }

    private static async Task<HttpStatusCode> RequestTokenAsync(string tokenUrl, string clientId, string secret)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(tokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return response.StatusCode;
    }

    private static async Task<string> TurnOnAndGenerateTokenAsync(IPage page, string realmSlug)
    {
        await page.GotoAsync("/setup/" + realmSlug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn SCIM on" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        return await page.GetByTestId("new-token").InputValueAsync();
    }

    private static Task Expect(ILocator locator, string? text = null) =>
        text is null
            ? Assertions.Expect(locator.First).ToBeVisibleAsync()
            : Assertions.Expect(locator.First).ToContainTextAsync(text);
}
