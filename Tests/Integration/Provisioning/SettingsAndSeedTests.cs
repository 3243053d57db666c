using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>ScimService's copy of the settings follows PolicyService's changes; the demo organization has devices to try.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SettingsAndSeedTests(ProvisioningApp app)
{
    [Fact]
    public async Task APolicyChangeReachesScimServiceWithinASecond()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var before = await tenant.Scim.CreateUserAsync(Unique("before"));
        await app.AccountOfAsync(tenant, before);

        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.Nothing, DeactivationAction.Nothing));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = await tenant.Scim.CreateUserAsync(Unique("after"));

        Assert.Empty(await app.AccountsAsync(tenant, Guid.Parse(after.Id())));
        Assert.Equal("on create: Nothing", (await app.LogAsync(tenant, after)).Last().Policy);
    }

    [Fact]
    public async Task TheDemoOrganizationHasDevicePoliciesAndUnassignedDevices()
    {
        using var policy = app.CreatePolicyClient(InternalCaller.Operator);
        var demo = await RealmRequests.ReadAsync<OrganizationDto>(await policy.GetAsync("/internal/organizations/by-slug/demo"));
        using var scim = app.CreateScimServiceClient();

        var policies = await RealmRequests.ReadAsync<DevicePolicyDto[]>(await scim.GetAsync($"/internal/organizations/{demo.Id}/device-policies"));
        var unassigned = await RealmRequests.ReadAsync<DeviceDto[]>(await scim.GetAsync($"/internal/organizations/{demo.Id}/devices?unassigned=true"));

        Assert.Contains(policies, p => p.Name == "Lost or stolen");
        Assert.Contains(policies, p => p.Name == "Standard");
        Assert.True(unassigned.Length >= 5, $"{unassigned.Length} unassigned devices");
    }

    [Theory]
    [InlineData(Realm.EnterpriseStore, DeactivationAction.RemoveAccount, null)]
    [InlineData(Realm.Dashboard, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer)]
    [InlineData(Realm.MdmPortal, DeactivationAction.UnassignDevices, null)]
    public async Task ANewConnectionCreatesAccountsAndCleansUpOnDeactivation(Realm realm, DeactivationAction onDeactivate, CollaboratorRole? defaultRole)
    {
        var tenant = await app.CreateTenantAsync(realm);

        var settings = await app.GetSettingsAsync(tenant);

        Assert.Equal(new ConnectionPolicyDto(CreationAction.CreateAccount, onDeactivate, defaultRole), settings.Policy);
        Assert.Equal((tenant.Organization.Id, realm), (settings.OrganizationId, settings.Realm));
    }
}
