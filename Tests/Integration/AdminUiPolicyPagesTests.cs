using System.Text.RegularExpressions;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration;

/// <summary>The policies, group roles, devices and log pages over HTTP through the Gateway: validation and organization boundaries.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed partial class AdminUiPolicyPagesTests(ProvisioningApp app)
{
    [Fact]
    public async Task ChangingTheDevicePolicyWithoutATargetShowsTheServicesMessageAndSavesNothing()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/policies/mdm-portal?handler=Save", await Admins.FormAsync(client, "/policies/mdm-portal",
            new() { ["OnCreate"] = "CreateAccount", ["OnDeactivate"] = "ChangeDevicePolicy", ["TargetDevicePolicyId"] = "" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Changing the device policy needs the target device policy&#x27;s id.", html);
        Assert.Contains("id=\"target-error\"", html);
        Assert.Equal(DeactivationAction.UnassignDevices, (await app.GetSettingsAsync(tenant)).Policy.OnDeactivate);
    }

    [Fact]
    public async Task AnotherOrganizationsDevicePolicyCannotBeTheTarget()
    {
        var victim = await app.CreateTenantAsync(Realm.MdmPortal);
        var theirs = await app.CreateDevicePolicyAsync(victim.Organization.Id, "Theirs");
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/policies/mdm-portal?handler=Save", await Admins.FormAsync(client, "/policies/mdm-portal",
            new() { ["OnCreate"] = "CreateAccount", ["OnDeactivate"] = "ChangeDevicePolicy", ["TargetDevicePolicyId"] = theirs.Id.ToString() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exists in this organization", await response.Content.ReadAsStringAsync());
        Assert.Null((await app.GetSettingsAsync(tenant)).Policy.TargetDevicePolicyId);
    }

    [Fact]
    public async Task AnOptionTheRealmDoesNotOfferIsRefusedBesideItsField()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/policies/enterprise-store?handler=Save", await Admins.FormAsync(client, "/policies/enterprise-store",
            new() { ["OnCreate"] = "CreateAccount", ["OnDeactivate"] = "RemoveUserAndDevices" }));

        Assert.Contains("Choose what happens when a user is deactivated.", await response.Content.ReadAsStringAsync());
        Assert.Equal(DeactivationAction.RemoveAccount, (await app.GetSettingsAsync(tenant)).Policy.OnDeactivate);
    }

    [Fact]
    public async Task ThePreviewSaysWhatTheUnsavedPolicyWouldDoAndChangesNothing()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        var lost = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Lost or stolen");
        var userName = Unique("preview");
        var user = await tenant.Scim.CreateUserAsync(userName);
        var employee = await app.AccountOfAsync(tenant, user);
        await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id, "Laptop");
        await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id, "Phone");
        var logBefore = (await app.LogAsync(tenant)).Count;
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/policies/mdm-portal?handler=Preview", await Admins.FormAsync(client, "/policies/mdm-portal",
            new() { ["OnCreate"] = "CreateAccount", ["OnDeactivate"] = "ChangeDevicePolicy", ["TargetDevicePolicyId"] = lost.Id.ToString(), ["PreviewUser"] = userName }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Deactivating {userName} would move 2 devices: Laptop", html);
        Assert.Contains("to the device policy &#x27;Lost or stolen&#x27;", html);
        Assert.Equal(DeactivationAction.UnassignDevices, (await app.GetSettingsAsync(tenant)).Policy.OnDeactivate);
        Assert.All(await app.DevicesAsync(tenant), d => Assert.Equal(standard.Id, d.DevicePolicyId));
        Assert.Equal(logBefore, (await app.LogAsync(tenant)).Count);
    }

    [Fact]
    public async Task ThePreviewOfTheSavedPolicyNamesTheDevicesItWouldUnassign()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        var user = await tenant.Scim.CreateUserAsync(Unique("unassign"));
        var employee = await app.AccountOfAsync(tenant, user);
        var laptop = await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id, "Laptop");
        using var scim = app.CreateScimServiceClient();

        var preview = await RealmRequests.ReadAsync<DeactivationPreviewDto>(await scim.PostAsJsonAsync(
            $"/internal/organizations/{tenant.Organization.Id}/deactivation-preview",
            new DeactivationPreviewRequest(tenant.Connection.Id, Realm.MdmPortal, Guid.Parse(user.Id()), (await app.GetSettingsAsync(tenant)).Policy)));

        Assert.Equal($"Deactivating {user["userName"]} would unassign 1 device: Laptop ({laptop.SerialNumber}) from {employee.Email}.", preview.Summary);
        using var otherOrganization = await scim.PostAsJsonAsync($"/internal/organizations/{Guid.CreateVersion7()}/deactivation-preview",
            new DeactivationPreviewRequest(Guid.CreateVersion7(), Realm.MdmPortal, Guid.Parse(user.Id()), (await app.GetSettingsAsync(tenant)).Policy));
        Assert.Equal(HttpStatusCode.NotFound, otherOrganization.StatusCode);
    }

    [Fact]
    public async Task AnAdminCannotMapAnotherOrganizationsGroup()
    {
        var victim = await app.CreateTenantAsync(Realm.Dashboard);
        var victimsGroup = await victim.Scim.CreateGroupAsync("Victims");
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        await tenant.Scim.CreateGroupAsync("Ours");
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/group-roles", await Admins.FormAsync(client, "/group-roles",
            new() { ["Rows[0].GroupId"] = victimsGroup.Id(), ["Rows[0].Role"] = "Admin" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await app.GetSettingsAsync(tenant)).GroupRoles);
        Assert.Empty((await app.GetSettingsAsync(victim)).GroupRoles);
    }

    [Fact]
    public async Task MappingAGroupSaysHowManyCollaboratorsChangedRole()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var first = await tenant.Scim.CreateUserAsync(Unique());
        var second = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Editors", first.Id(), second.Id());
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/group-roles", await Admins.FormAsync(client, "/group-roles",
            new() { ["Rows[0].GroupId"] = group.Id(), ["Rows[0].Role"] = "Editor" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 collaborators changed role.", await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(CollaboratorRole.Editor, (await app.AccountOfAsync(tenant, first)).Role);
    }

    [Fact]
    public async Task AnAdminCannotOpenOrEditAnotherOrganizationsDeviceOrLogEntry()
    {
        var victim = await app.CreateTenantAsync(Realm.MdmPortal);
        var standard = await app.CreateDevicePolicyAsync(victim.Organization.Id, "Standard");
        var device = await app.CreateDeviceAsync(victim.Organization.Id, standard.Id, null, "Victims laptop");
        await victim.Scim.CreateUserAsync(Unique("victim"));
        var entry = (await app.LogAsync(victim)).First();
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var ours = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Ours");
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var open = await client.GetAsync($"/devices/{device.Id}");
        using var edit = await client.PostAsync($"/devices/{device.Id}", await Admins.FormAsync(client, "/devices",
            new() { ["Device.Name"] = "Taken", ["Device.Platform"] = "macOS", ["Device.SerialNumber"] = "X", ["Device.DevicePolicyId"] = ours.Id.ToString() }));
        using var rename = await client.PostAsync($"/devices/policies?handler=Rename&policyId={standard.Id}",
            await Admins.FormAsync(client, "/devices/policies", new() { ["NewName"] = "Taken" }));
        using var log = await client.GetAsync($"/log/{entry.Id}");
        var list = await client.GetStringAsync($"/log?user={entry.ScimUserId}");
        var devices = await client.GetStringAsync("/devices");

        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        Assert.Contains("No entries match", list);
        Assert.DoesNotContain("Victims laptop", devices);
        var after = Assert.Single(await app.DevicesAsync(victim));
        Assert.Equal("Victims laptop", after.Name);
        using var scim = app.CreateScimServiceClient();
        Assert.Equal("Standard", (await RealmRequests.ReadAsync<DevicePolicyDto>(
            await scim.GetAsync($"/internal/organizations/{victim.Organization.Id}/device-policies/{standard.Id}"))).Name);
    }

    [Fact]
    public async Task EditingADeviceUnassignsItAndMovesItToAnotherDevicePolicy()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        var restricted = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Restricted");
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var employee = await app.AccountOfAsync(tenant, user);
        var device = await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id, "Phone");
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);
        Assert.Contains(employee.Email, await client.GetStringAsync($"/devices/{device.Id}"));

        using var response = await client.PostAsync($"/devices/{device.Id}", await Admins.FormAsync(client, $"/devices/{device.Id}", new()
        {
            ["Device.Name"] = "Phone", ["Device.Platform"] = "iOS", ["Device.SerialNumber"] = device.SerialNumber,
            ["Device.DevicePolicyId"] = restricted.Id.ToString(), ["Device.MdmEmployeeId"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Device Phone is saved, unassigned.", await client.GetStringAsync("/devices"));
        var after = Assert.Single(await app.DevicesAsync(tenant));
        Assert.Equal((null, restricted.Id, "iOS"), (after.MdmEmployeeId, after.DevicePolicyId, after.Platform));
    }

    [Fact]
    public async Task ADeviceWithoutASerialNumberIsRefusedBesideTheField()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        var admin = await app.CreateAdminAsync(tenant.Organization);
        using var client = await app.SignInAsync(admin.Email, admin.Password);

        using var response = await client.PostAsync("/devices", await Admins.FormAsync(client, "/devices",
            new() { ["Device.Name"] = "Laptop", ["Device.Platform"] = "macOS", ["Device.SerialNumber"] = " ", ["Device.DevicePolicyId"] = standard.Id.ToString() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(SerialError(), await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.DevicesAsync(tenant));
    }

    [Fact]
    public async Task TheActivityEndpointCountsAnOrganizationsActionsPerHour()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();
        using var scim = app.CreateScimServiceClient();

        var day = await RealmRequests.ReadAsync<ProvisioningActivityDto>(await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/provisioning-log/activity?range=24h"));
        var week = await RealmRequests.ReadAsync<ProvisioningActivityDto>(await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/provisioning-log/activity?range=7d"));
        using var bad = await scim.GetAsync($"/internal/organizations/{tenant.Organization.Id}/provisioning-log/activity?range=1y");

        Assert.Equal(24, day.Buckets.Count);
        Assert.Equal(7, week.Buckets.Count);
        Assert.Equal((1, 1, 0), (day.Buckets.Sum(b => b.Creates), day.Buckets.Sum(b => b.Deactivations), day.Buckets.Sum(b => b.Failures)));
        Assert.Equal(1, week.Buckets[^1].Creates);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [GeneratedRegex("id=\"device-serial-error\">A serial number of 1 to 128 characters is required")]
    private static partial Regex SerialError();
}
