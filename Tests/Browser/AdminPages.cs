using Microsoft.Playwright;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Browser;

/// <summary>Steps every browser test takes the same way.</summary>
internal static class AdminPages
{
    /// <summary>Signs the admin in on the sign-in page and waits until their organization shows.</summary>
    public static async Task SignInAsync(IPage page, TestAdmin admin)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("organization").First).ToContainTextAsync(admin.Organization.Name);
    }
}
