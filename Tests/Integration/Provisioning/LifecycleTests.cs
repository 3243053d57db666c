using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>Reactivation, deletion, retries, concurrent deactivations and linking accounts made by hand.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class LifecycleTests(ProvisioningApp app)
{
    private async Task<Tenant> TenantAsync(Realm realm, DeactivationAction onDeactivate)
    {
        var tenant = await app.CreateTenantAsync(realm);
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, onDeactivate));
        return tenant;
    }

    [Fact]
    public async Task ReactivatingAUserRecreatesTheEmployeeRemovedAtDeactivation()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var first = await app.AccountOfAsync(tenant, user);
        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();

        await tenant.ReactivateAsOktaAsync(user).SucceedsAsync();

        var second = await app.AccountOfAsync(tenant, user);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["AccountCreated", "AccountRemoved", "AccountCreated"],
            (await app.LogAsync(tenant, user)).Where(e => e.Action != "ScimChange").Select(e => e.Action));
    }

    [Fact]
    public async Task ReactivatingAnMdmUserKeepsTheEmployeeAndLeavesItsUnassignedDevicesUnassigned()
    {
        var tenant = await TenantAsync(Realm.MdmPortal, DeactivationAction.UnassignDevices);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var employee = await app.AccountOfAsync(tenant, user);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        var device = await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id);
        await tenant.DeactivateAsEntraAsync(user).SucceedsAsync();

        await tenant.ReactivateAsOktaAsync(user).SucceedsAsync();

        Assert.Equal(employee.Id, (await app.AccountOfAsync(tenant, user)).Id);
        Assert.Null(Assert.Single(await app.DevicesAsync(tenant), d => d.Id == device.Id).MdmEmployeeId);
        var last = (await app.LogAsync(tenant, user)).Last();
        Assert.Equal(("Nothing", "Skipped"), (last.Action, last.Outcome));
        Assert.Equal($"nothing — MDM employee {employee.Email} already exists", last.Description);
    }

    [Fact]
    public async Task DeletingAnActiveUserRunsTheDeactivationPolicyAndKeepsTheScimDeleteWorking()
    {
        var tenant = await TenantAsync(Realm.Dashboard, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.Scim.SendScimAsync(HttpMethod.Delete, $"Users/{user.Id()}", headers: h => h.Add("Adscimversion", "2.0")).SucceedsAsync(HttpStatusCode.NoContent);

        Assert.Empty(await app.AccountsAsync(tenant));
        using var gone = await tenant.Scim.GetAsync($"Users/{user.Id()}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var log = await app.LogAsync(tenant, user);
        Assert.Equal("user deleted while active", log.Single(e => e.Action == "ScimChange" && e.Operation.StartsWith("DELETE")).Description);
        Assert.Equal("on deactivate: RemoveAccount", Assert.Single(log, e => e.Action == "AccountRemoved").Policy);
    }

    [Fact]
    public async Task DeletingAUserWhosePolicyKeepsTheAccountUnlinksIt()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.Nothing);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var employee = await app.AccountOfAsync(tenant, user);

        await tenant.Scim.SendScimAsync(HttpMethod.Delete, $"Users/{user.Id()}").SucceedsAsync(HttpStatusCode.NoContent);

        var kept = Assert.Single(await app.AccountsAsync(tenant));
        Assert.Equal(employee.Id, kept.Id);
        Assert.Null(kept.ScimUserId);
        var unlinked = Assert.Single(await app.LogAsync(tenant, user, "Unlinked"));
        Assert.Equal($"employee {employee.Email} is no longer linked to a SCIM user", unlinked.Description);
    }

    [Fact]
    public async Task SendingTheSameRequestsTwiceCreatesAndRemovesNothingTwice()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.RemoveAccount);
        var userName = Unique();
        var user = await tenant.Scim.CreateUserAsync(userName);

        using (var again = await tenant.Scim.PostScimAsync("Users",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":true}"""))
        {
            await ScimAssert.ErrorAsync(again, HttpStatusCode.Conflict, "uniqueness");
        }
        Assert.Single(await app.AccountsAsync(tenant));

        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();
        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();
        await tenant.DeactivateAsEntraAsync(user).SucceedsAsync();

        var log = await app.LogAsync(tenant, user);
        Assert.Single(log, e => e.Action == "AccountCreated");
        Assert.Single(log, e => e.Action == "AccountRemoved");
        Assert.Single(log, e => e.Description.StartsWith("user deactivated"));
    }

    /// <summary>
    /// The create's COMMIT rides in the batch with its rows, the account's before the user's: the user's
    /// unique violation must take the account and the log entries down with it.
    /// </summary>
    [Fact]
    public async Task ACreateRefusedForItsUserNameLeavesNoAccountAndNoLogEntry()
    {
        var tenant = await TenantAsync(Realm.Dashboard, DeactivationAction.RemoveAccount);
        var userName = Unique();
        await tenant.Scim.CreateUserAsync(userName);
        var logged = (await app.LogAsync(tenant)).Count;
        var otherEmail = Unique();

        using (var refused = await tenant.Scim.PostScimAsync("Users",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName.ToUpperInvariant()}}","emails":[{"value":"{{otherEmail}}","primary":true}],"active":true}"""))
        {
            await ScimAssert.ErrorAsync(refused, HttpStatusCode.Conflict, "uniqueness");
        }

        Assert.Empty(await app.AccountsAsync(tenant, email: otherEmail));
        Assert.Single(await app.AccountsAsync(tenant));
        Assert.Equal(logged, (await app.LogAsync(tenant)).Count);
    }

    [Fact]
    public async Task TwoConcurrentDeactivationsOfOneUserRunThePolicyOnce()
    {
        var tenant = await TenantAsync(Realm.MdmPortal, DeactivationAction.RemoveUserAndDevices);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var employee = await app.AccountOfAsync(tenant, user);
        var standard = await app.CreateDevicePolicyAsync(tenant.Organization.Id, "Standard");
        await app.CreateDeviceAsync(tenant.Organization.Id, standard.Id, employee.Id);

        await Task.WhenAll(tenant.DeactivateAsOktaAsync(user).SucceedsAsync(), tenant.DeactivateAsEntraAsync(user).SucceedsAsync());

        Assert.Empty(await app.AccountsAsync(tenant));
        Assert.Empty(await app.DevicesAsync(tenant));
        var log = await app.LogAsync(tenant, user);
        Assert.Single(log, e => e.Description.StartsWith("user deactivated"));
        Assert.Single(log, e => e.Action == "AccountRemoved");
        Assert.Equal("1 device of " + employee.Email + " removed", Assert.Single(log, e => e.Action == "DevicesRemoved").Description);
    }

    [Fact]
    public async Task AnEmployeeMadeByHandBeforeScimIsLinkedNotDuplicated()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.RemoveAccount);
        var email = Unique("handmade");
        var byHand = await app.CreateAccountByHandAsync(tenant, new CreateAccountRequest(email.ToUpperInvariant(), "Made By Hand"));
        Assert.Null(byHand.ScimUserId);

        var user = await tenant.Scim.CreateUserAsync(email);

        var linked = Assert.Single(await app.AccountsAsync(tenant));
        Assert.Equal(byHand.Id, linked.Id);
        Assert.Equal(Guid.Parse(user.Id()), linked.ScimUserId);
        var entry = Assert.Single(await app.LogAsync(tenant, user, "AccountLinked"));
        Assert.Equal($"existing employee {email.ToUpperInvariant()} linked", entry.Description);
    }

    [Fact]
    public async Task ACollaboratorMadeByHandIsLinkedAndGetsTheRoleItsGroupsGive()
    {
        var tenant = await TenantAsync(Realm.Dashboard, DeactivationAction.RemoveAccount);
        var email = Unique("handmade");
        var byHand = await app.CreateAccountByHandAsync(tenant, new CreateAccountRequest(email, null, CollaboratorRole.Admin));

        var user = await tenant.Scim.CreateUserAsync(email);

        var linked = await app.AccountOfAsync(tenant, user);
        Assert.Equal(byHand.Id, linked.Id);
        Assert.Equal(CollaboratorRole.Viewer, linked.Role);
        Assert.Equal($"existing collaborator {email} linked with role Viewer", Assert.Single(await app.LogAsync(tenant, user, "AccountLinked")).Description);
    }

    [Fact]
    public async Task AnAccountLinkedToAnotherUserIsNotTakenOverAndTheScimChangeIsKept()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.RemoveAccount);
        var email = Unique("shared");
        var owner = await tenant.Scim.CreateUserAsync(email);

        using var created = await tenant.Scim.PostScimAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{Unique("other")}}",
             "emails":[{"primary":true,"value":"{{email}}","type":"work"}],"active":true}
            """);
        var other = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);

        var employee = Assert.Single(await app.AccountsAsync(tenant));
        Assert.Equal(Guid.Parse(owner.Id()), employee.ScimUserId);
        var failed = Assert.Single(await app.LogAsync(tenant, other, "AccountLinked"));
        Assert.Equal(("Failed", $"employee {email} is linked to another SCIM user; not linked"), (failed.Outcome, failed.Description));
        await tenant.Scim.GetJsonAsync($"Users/{other.Id()}");
    }

    [Fact]
    public async Task TwoUsersWithOneEmailCreatedAtOnceMakeOneEmployeeAndNoServerError()
    {
        var tenant = await TenantAsync(Realm.EnterpriseStore, DeactivationAction.RemoveAccount);
        var email = Unique("together");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tenant.Scim.PostScimAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{Unique("twin")}}",
             "emails":[{"primary":true,"value":"{{email}}","type":"work"}],"active":true}
            """)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var employee = Assert.Single(await app.AccountsAsync(tenant));
        Assert.Equal(email, employee.Email);
        Assert.Equal(3, (await app.LogAsync(tenant, action: "AccountLinked")).Count(e => e.Outcome == "Failed"));
    }

    [Fact]
    public async Task AnAccountMadeByHandTwiceForOneEmailIsRefused()
    {
        var tenant = await app.CreateTenantAsync(Realm.MdmPortal);
        var email = Unique();
        await app.CreateAccountByHandAsync(tenant, new CreateAccountRequest(email, null));
        using var client = app.CreateScimServiceClient();

        using var response = await client.PostAsJsonAsync($"/internal/organizations/{tenant.Organization.Id}/mdm-employees", new CreateAccountRequest(email.ToUpperInvariant(), null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
