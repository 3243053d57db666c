using Microsoft.Playwright;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Browser;

/// <summary>The Audit page in a real browser: the admin's own actions, filtered, and the CSV of the filtered entries.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AuditPageBrowserTests(ProvisioningApp app, Chromium chromium)
{
    [Fact]
    public async Task AnAdminFiltersTheAuditLogAndDownloadsTheFilteredEntriesAsCsv()
    {
        var admin = await app.CreateAdminAsync();
        var stranger = await app.CreateAdminAsync();
        await using var context = await chromium.NewContextAsync(app.GatewayUrl);
        var page = await context.NewPageAsync();
        await AdminPages.SignInAsync(page, admin);

        await page.GotoAsync("/setup/dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn SCIM on" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        var token = await page.GetByTestId("new-token").InputValueAsync();
        // Another organization's actions never show on this admin's page.
        var strangerEmail = $"stranger-{Guid.NewGuid():N}@example.com";
        using (var other = app.CreatePolicyClient())
        {
            other.DefaultRequestHeaders.Add(InternalHeaders.Actor, strangerEmail);
            (await other.PutAsJsonAsync($"/internal/organizations/{stranger.Organization.Id}/connections/Dashboard", new UpdateConnectionRequest(true))).EnsureSuccessStatusCode();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/audit");
        var table = page.GetByTestId("audit");
        await Assertions.Expect(table).ToContainTextAsync(AuditActions.TokenCreated);
        await Assertions.Expect(table).ToContainTextAsync(AuditActions.ScimTurnedOn);
        await Assertions.Expect(table).ToContainTextAsync(admin.Email);
        await Assertions.Expect(table).Not.ToContainTextAsync(strangerEmail);
        Assert.DoesNotContain(token, await page.ContentAsync());

        await page.GetByLabel("Action").SelectOptionAsync(AuditActions.TokenCreated);
        await page.GetByLabel("Who (email or part of it)").FillAsync(admin.Email[..12]);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await page.GetByLabel("From (UTC day)").FillAsync(today);
        await page.GetByLabel("To (UTC day, included)").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(table.Locator("caption")).ToContainTextAsync("1 entry");
        await Assertions.Expect(table).Not.ToContainTextAsync(AuditActions.ScimTurnedOn);
        await Screenshots.SaveAsync(page, "audit");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("When (UTC),Who,From,Action,Target", rows[0]);
        var row = Assert.Single(rows[1..]);
        Assert.Contains($",{admin.Email},", row);
        Assert.Contains($",{AuditActions.TokenCreated},", row);
        Assert.DoesNotContain(token, csv);

        // A day range that ends before it starts is refused on the form, not sent.
        await page.GetByLabel("From (UTC day)").FillAsync(today);
        await page.GetByLabel("To (UTC day, included)").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The last day is before the first.")).ToBeVisibleAsync();
    }
}
