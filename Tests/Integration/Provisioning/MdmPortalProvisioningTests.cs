using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>MDM Portal: each deactivation option on a user with two devices, driven by what Okta and Entra send.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class MdmPortalProvisioningTests(ProvisioningApp app)
{
    private sealed record Setup(Tenant Tenant, JsonObject User, AccountDto Employee, DevicePolicyDto Standard, DevicePolicyDto LostOrStolen, DeviceDto[] Devices, DeviceDto Bystander);

    /// <summary>A user whose MDM employee has two devices under "Standard", and one device of nobody.</summary>
    private async Task<Setup> SetupAsync(DeactivationAction onDeactivate)
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var organization = tenant.Organization.Id;
        var standard = await app.CreateDevicePolicyAsync(organization, "Standard");
        var lost = await app.CreateDevicePolicyAsync(organization, "Lost or stolen");
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, onDeactivate,
            TargetDevicePolicyId: onDeactivate == DeactivationAction.ChangeDevicePolicy ? lost.Id : null));
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var employee = await app.AccountOfAsync(tenant, user);
        DeviceDto[] devices =
        [
            await app.CreateDeviceAsync(organization, standard.Id, employee.Id, "Laptop"),
            await app.CreateDeviceAsync(organization, standard.Id, employee.Id, "Phone"),
        ];
        var bystander = await app.CreateDeviceAsync(organization, standard.Id, null, "Spare");
        return new Setup(tenant, user, employee, standard, lost, devices, bystander);
    }

    private async Task<Dictionary<Guid, DeviceDto>> DevicesAsync(Setup setup) => (await app.DevicesAsync(setup.Tenant)).ToDictionary(d => d.Id);

    [Fact]
    public async Task CreatingAUserCreatesTheMdmEmployee()
    {
        var setup = await SetupAsync(DeactivationAction.UnassignDevices);

        Assert.Equal(Realm.MdmPortal, setup.Employee.Realm);
        Assert.Equal(setup.User["userName"]!.GetValue<string>(), setup.Employee.Email);
        Assert.Equal($"MDM employee {setup.Employee.Email} created", Assert.Single(await app.LogAsync(setup.Tenant, setup.User, "AccountCreated")).Description);
    }

    [Fact]
    public async Task DeactivatingThroughOktasPatchWhenThePolicySaysNothingLeavesEverything()
    {
        var setup = await SetupAsync(DeactivationAction.Nothing);

        await setup.Tenant.DeactivateAsOktaAsync(setup.User).SucceedsAsync();

        await app.AccountOfAsync(setup.Tenant, setup.User);
        var devices = await DevicesAsync(setup);
        Assert.All(setup.Devices, d => Assert.Equal(setup.Employee.Id, devices[d.Id].MdmEmployeeId));
        Assert.All(setup.Devices, d => Assert.Equal(setup.Standard.Id, devices[d.Id].DevicePolicyId));
        Assert.Equal("nothing — policy says nothing", (await app.LogAsync(setup.Tenant, setup.User)).Last().Description);
    }

    [Fact]
    public async Task DeactivatingThroughEntraUnassignsTheDevices()
    {
        var setup = await SetupAsync(DeactivationAction.UnassignDevices);

        await setup.Tenant.DeactivateAsEntraAsync(setup.User).SucceedsAsync();

        await app.AccountOfAsync(setup.Tenant, setup.User);
        var devices = await DevicesAsync(setup);
        Assert.All(setup.Devices, d => Assert.Null(devices[d.Id].MdmEmployeeId));
        Assert.All(setup.Devices, d => Assert.Equal(setup.Standard.Id, devices[d.Id].DevicePolicyId));
        var unassigned = Assert.Single(await app.LogAsync(setup.Tenant, setup.User, "DevicesUnassigned"));
        Assert.Equal($"2 devices of {setup.Employee.Email} unassigned", unassigned.Description);
        Assert.Equal("on deactivate: UnassignDevices", unassigned.Policy);
    }

    [Fact]
    public async Task DeactivatingThroughOktasPatchMovesTheDevicesToTheChosenPolicy()
    {
        var setup = await SetupAsync(DeactivationAction.ChangeDevicePolicy);

        await setup.Tenant.DeactivateAsOktaAsync(setup.User).SucceedsAsync();

        var devices = await DevicesAsync(setup);
        Assert.All(setup.Devices, d => Assert.Equal(setup.LostOrStolen.Id, devices[d.Id].DevicePolicyId));
        Assert.All(setup.Devices, d => Assert.Equal(setup.Employee.Id, devices[d.Id].MdmEmployeeId));
        Assert.Equal(setup.Standard.Id, devices[setup.Bystander.Id].DevicePolicyId);
        var moved = Assert.Single(await app.LogAsync(setup.Tenant, setup.User, "DevicesMoved"));
        Assert.Equal($"2 devices of {setup.Employee.Email} moved to policy 'Lost or stolen'", moved.Description);
        Assert.Equal("okta", moved.IdentityProvider);
    }

    [Fact]
    public async Task DeactivatingThroughAPutRemovesTheUserAndLeavesItsDevicesUnassigned()
    {
        var setup = await SetupAsync(DeactivationAction.RemoveUser);

        await setup.Tenant.DeactivateWithPutAsync(setup.User).SucceedsAsync();

        Assert.Empty(await app.AccountsAsync(setup.Tenant));
        var devices = await DevicesAsync(setup);
        Assert.Equal(3, devices.Count);
        Assert.All(devices.Values, d => Assert.Null(d.MdmEmployeeId));
        var log = await app.LogAsync(setup.Tenant, setup.User);
        Assert.Contains(log, e => e.Action == "DevicesUnassigned" && e.Description.StartsWith("2 devices"));
        Assert.Contains(log, e => e.Action == "AccountRemoved" && e.Policy == "on deactivate: RemoveUser");
    }

    [Fact]
    public async Task DeactivatingThroughOktasPatchRemovesTheUserAndItsDevices()
    {
        var setup = await SetupAsync(DeactivationAction.RemoveUserAndDevices);

        await setup.Tenant.DeactivateAsOktaAsync(setup.User).SucceedsAsync();

        Assert.Empty(await app.AccountsAsync(setup.Tenant));
        Assert.Equal([setup.Bystander.Id], (await DevicesAsync(setup)).Keys);
        Assert.Equal($"2 devices of {setup.Employee.Email} removed", Assert.Single(await app.LogAsync(setup.Tenant, setup.User, "DevicesRemoved")).Description);
        Assert.Single(await app.LogAsync(setup.Tenant, setup.User, "AccountRemoved"));
    }

    [Fact]
    public async Task AnotherOrganizationsDevicePolicyIsUnknownToTheCheckTheAdminUiMakesBeforeSaving()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var other = await app.CreateTenantAsync(Realm.MdmPortal);
        var foreign = await app.CreateDevicePolicyAsync(other.Organization.Id, "Lost or stolen");
        var own = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Lost or stolen");
        using var scim = app.CreateScimServiceClient();

        using var theirs = await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/device-policies/{foreign.Id}");
        using var ours = await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/device-policies/{own.Id}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }

    [Fact]
    public async Task ADeactivationActionOfAnotherRealmIsRefused()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        using var policy = app.CreatePolicyClient();

        using var response = await policy.PutAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/policy",
            new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.UnassignDevices));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("onDeactivate", await response.Content.ReadAsStringAsync());
    }
}
