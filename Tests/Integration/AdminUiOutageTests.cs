using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration;

/// <summary>A service the Admin UI needs is down: the admin reads a banner, never a stack trace.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AdminUiOutageTests(ProvisioningApp app)
{
    [Fact]
    public async Task WhenScimServiceIsDownTheOverviewShowsABannerAndTheDirectoryAnErrorPage()
    {
        var admin = await app.CreateAdminAsync();
        using var client = await app.SignInAsync(admin.Email, admin.Password);
        using (var enable = await client.PostAsync("/setup/dashboard?handler=Enable", await Admins.FormAsync(client, "/setup/dashboard", [])))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        Assert.True((await app.App.ResourceCommands.ExecuteCommandAsync("scimservice", "resource-stop", timeout.Token)).Success);
        try
        {
            await app.App.ResourceNotifications.WaitForResourceAsync("scimservice", KnownResourceStates.TerminalStates, timeout.Token);

            using var overview = await client.GetAsync("/", timeout.Token);
            using var directory = await client.GetAsync("/directory/dashboard", timeout.Token);

            var overviewHtml = await overview.Content.ReadAsStringAsync(timeout.Token);
            Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
            Assert.Contains("The directory service (ScimService) cannot be reached right now", overviewHtml);
            Assert.Contains("SCIM on", overviewHtml);
            var directoryHtml = await directory.Content.ReadAsStringAsync(timeout.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, directory.StatusCode);
            Assert.Contains("The directory service (ScimService) cannot be reached right now", directoryHtml);
            Assert.DoesNotContain("Exception", directoryHtml);
            Assert.DoesNotContain(" at Provisioning.", directoryHtml);
        }
        finally
        {
            await app.App.ResourceCommands.ExecuteCommandAsync("scimservice", "resource-start", CancellationToken.None);
            using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            // The resource still reads as exited right after the start command: wait through that.
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync("scimservice", WaitBehavior.WaitOnResourceUnavailable, restart.Token);
        }
    }
}
