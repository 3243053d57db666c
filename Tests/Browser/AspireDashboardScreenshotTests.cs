using Microsoft.Playwright;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Browser;

/// <summary>
/// The Aspire dashboard as an operator reads it after an Okta push: the SCIM traces by name, one
/// trace across the services, the 4xx warning in the structured logs and the provisioning actions
/// metric. The screenshots are docs/observability.md's.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AspireDashboardScreenshotTests(DashboardProvisioningApp app, Chromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Exported = new() { Timeout = 60_000 };

    [Fact]
    public async Task TheDashboardShowsAnOktaPushAsNamedTracesAWarningAndTheProvisioningActionsMetric()
    {
        var tenant = await app.CreateTenantAsync();
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer));
        var user = await tenant.Scim.CreateUserAsync(Unique());
        Assert.Equal(HttpStatusCode.OK, await tenant.Scim.StatusOfAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{user["userName"]}\"")}"));
        Assert.Equal(HttpStatusCode.BadRequest, await tenant.Scim.StatusOfAsync("Users?filter=" + Uri.EscapeDataString("userName xx \"nobody\"")));
        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();

        var dashboard = await app.DashboardUrlAsync();
        await using var context = await chromium.NewContextAsync(new Uri(dashboard.GetLeftPart(UriPartial.Authority)));
        var page = await context.NewPageAsync();
        await page.GotoAsync(dashboard.ToString());

        await page.GotoAsync("/traces");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("SCIM PATCH /Users", Exported);
        await Screenshots.SaveAsync(page, "dashboard-traces");

        await page.GetByText("SCIM PATCH /Users").First.ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("scimservice", Exported);
        await Screenshots.SaveAsync(page, "dashboard-trace");

        await page.GotoAsync("/structuredlogs");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("answered 400", Exported);
        await Screenshots.SaveAsync(page, "dashboard-structured-logs");

        await page.GotoAsync("/metrics/resource/scimservice?meter=Provisioning.ScimService&instrument=provisioning.actions");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("provisioning.actions", Exported);
        await Screenshots.SaveAsync(page, "dashboard-metrics");
    }
}
