using Microsoft.Playwright;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Browser;

/// <summary>The Admins page in a real browser: an admin adds a colleague, and removing them ends the colleague's open session.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminsPageBrowserTests(ProvisioningApp app, Chromium chromium)
{
    [Fact]
    public async Task AnAdminAddsAColleagueThenRemovesThemAndTheColleaguesOpenSessionEnds()
    {
        var admin = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await AdminPages.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admins", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admins");
        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("Email").FillAsync(colleagueEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add admin" }).ClickAsync();
        var oneTimePassword = (await page.GetByTestId("one-time-password").InnerTextAsync()).Trim();
        await Assertions.Expect(page.GetByTestId("admins")).ToContainTextAsync(colleagueEmail);
        // No one removes themselves here: there is no button for it.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {admin.Email}" })).ToHaveCountAsync(0);

        await using var colleagueContext = await chromium.NewContextAsync(app.GatewayUrl);
        var colleague = await colleagueContext.NewPageAsync();
        await colleague.GotoAsync("/");
        await colleague.GetByLabel("Email").FillAsync(colleagueEmail);
        await colleague.GetByLabel("Password").FillAsync(oneTimePassword);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await colleague.WaitForURLAsync("**/account/password**");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {colleagueEmail}" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync($"Removed {colleagueEmail}");
        await Assertions.Expect(page.GetByTestId("admins")).Not.ToContainTextAsync(colleagueEmail);
        await Screenshots.SaveAsync(page, "admins");
        // The Admin UI asks PolicyService about a session at most every 2 s: the colleague's next page is the sign-in page.
        await Credentials.EventuallyAsync(async () =>
        {
            await colleague.GotoAsync("/account/password");
            return colleague.Url.Contains("/sign-in", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10), "the removed admin's session ended");
    }
}
