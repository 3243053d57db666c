using Microsoft.Playwright;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Browser;

/// <summary>
/// An admin finds an attribute Okta sends that nobody declared, declares it from the Overview's link,
/// sees the next user keep it, and is told what removing it does before it is removed.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiCustomAttributesBrowserTests(ProvisioningApp app, Chromium chromium)
{
    private const string CoreUser = "urn:ietf:params:scim:schemas:core:2.0:User";

    [Fact]
    public async Task AnUndeclaredAttributeIsDeclaredFromTheOverviewKeptOnTheNextUserAndRemovedAfterAWarning()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await AdminPages.SignInAsync(page, admin);
        await page.GotoAsync("/setup/dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn SCIM on" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        var token = await page.GetByTestId("new-token").InputValueAsync();

        // Okta pushes a profile attribute left in the core namespace; by default it is accepted and not kept.
        using var scim = app.CreateScimClient(token);
        await scim.CreateUserAsync(Unique("ada"), "\"costCenter\": \"CC-42\"");

        await page.GotoAsync("/");
        await page.GetByTestId("not-kept").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("not-kept"), "costCenter (User, 1 time)");
        await page.GetByTestId("not-kept").GetByRole(AriaRole.Link, new() { Name = "Declare it" }).ClickAsync();
        var row = page.GetByTestId("declarations").GetByRole(AriaRole.Row).Last;
        Assert.Equal("costCenter", await row.GetByLabel("Name").InputValueAsync());
        Assert.Equal(CoreUser, await row.GetByLabel("Schema URN").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var declared = page.GetByTestId("declarations").GetByRole(AriaRole.Row).Nth(1);
        Assert.Equal("costCenter", await declared.GetByLabel("Name").InputValueAsync());
        await Assertions.Expect(page.GetByTestId("not-kept")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "custom-attributes");

        await Credentials.EventuallyAsync(async () => (await scim.GetJsonAsync("Schemas/" + CoreUser)).ToJsonString().Contains("costCenter"),
            TimeSpan.FromSeconds(5), "the connection's schema lists costCenter");
        var kept = await scim.CreateUserAsync(Unique("grace"), "\"costCenter\": \"CC-43\"");
        Assert.Equal("CC-43", kept["costCenter"]?.GetValue<string>());
        await page.GotoAsync($"/directory/dashboard/users/{kept.Id()}");
        await Expect(page.GetByTestId("custom-attributes"), "costCenter");
        await Expect(page.GetByTestId("custom-attributes"), "CC-43");

        await page.GotoAsync("/custom-attributes/dashboard");
        await page.GetByTestId("declarations").GetByRole(AriaRole.Row).Nth(1).GetByLabel("Remove").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("effects"), "Removing User costCenter: stored values are no longer returned");
        var stillDeclared = await scim.GetJsonAsync($"Users/{kept.Id()}");
        Assert.Equal("CC-43", stillDeclared["costCenter"]?.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("effects")).ToHaveCountAsync(0);
        Assert.Equal("", await page.GetByTestId("declarations").GetByRole(AriaRole.Row).Nth(1).GetByLabel("Name").InputValueAsync());
        await Credentials.EventuallyAsync(async () => (await scim.GetJsonAsync($"Users/{kept.Id()}"))["costCenter"] is null,
            TimeSpan.FromSeconds(5), "a removed declaration's value is no longer returned");
    }

    private static Task Expect(ILocator locator, string? text = null) =>
        text is null
            ? Assertions.Expect(locator.First).ToBeVisibleAsync()
            : Assertions.Expect(locator.First).ToContainTextAsync(text);
}
