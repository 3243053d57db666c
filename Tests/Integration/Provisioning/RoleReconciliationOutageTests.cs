using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>
/// PolicyService never calls ScimService: a mapping saved while ScimService is stopped is kept with a
/// newer settings version, its invalidation message goes unheard, and ScimService catches up when it starts.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class RoleReconciliationOutageTests(ProvisioningApp app)
{
    [Fact]
    public async Task AMappingSavedWhileScimServiceIsStoppedReachesTheRolesOnceItIsBack()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var admins = await tenant.Scim.CreateGroupAsync("Admins " + Guid.NewGuid().ToString("N")[..6], user.Id());
        Assert.Equal(CollaboratorRole.Viewer, (await app.AccountOfAsync(tenant, user)).Role);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var scimService = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "scimservice");

        var stopped = await app.App.ResourceCommands.ExecuteCommandAsync(scimService, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, stopped.Message);
        ConnectionSettingsDto saved;
        try
        {
            // The save needs nothing of ScimService: it answers at once, with the version to reconcile.
            saved = await app.SaveGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(admins.Id()), CollaboratorRole.Admin, "Admins"));
        }
        finally
        {
            var started = await app.App.ResourceCommands.ExecuteCommandAsync(scimService, KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, started.Message);
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync("scimservice", timeout.Token);
        }

        await Credentials.EventuallyAsync(async () => (await app.AccountOfAsync(tenant, user)).Role == CollaboratorRole.Admin,
            TimeSpan.FromSeconds(30), "the role following the mapping saved while ScimService was stopped");
        var change = Assert.Single(await app.LogAsync(tenant, user, "RoleChanged"));
        Assert.Equal($"role settings changed (version {saved.SettingsVersion})", change.Operation);
    }
}
