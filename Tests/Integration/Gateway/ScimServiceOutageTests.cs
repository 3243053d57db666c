using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// With ScimService down, the Gateway answers a SCIM error — 502 when the connection is refused,
/// 503 when no replica is known, 504 when nothing answers in time — never an empty body or a page.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ScimServiceOutageTests(ProvisioningApp app)
{
    [Fact]
    public async Task WithScimServiceStoppedTheGatewayAnswersAScimErrorAndRecoversAfterwards()
    {
        var tenant = await app.CreateTenantAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The resource, not its name: with Scim:Replicas > 1 the command then reaches every replica.
        var scimService = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "scimservice");

        var stopped = await app.App.ResourceCommands.ExecuteCommandAsync(scimService, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            using var response = await tenant.Scim.GetAsync("Users");

            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout });
            await ScimAssert.ErrorAsync(response, response.StatusCode);
        }
        finally
        {
            var started = await app.App.ResourceCommands.ExecuteCommandAsync(scimService, KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, started.Message);
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync("scimservice", timeout.Token);
        }

        await Credentials.EventuallyAsync(async () => await tenant.Scim.StatusOfAsync() == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "SCIM answering again through the Gateway");
    }
}
