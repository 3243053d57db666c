using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>Enterprise Store: each create and deactivate option, driven by what Okta and Entra send.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class EnterpriseStoreProvisioningTests(ProvisioningApp app)
{
    private async Task<Tenant> TenantAsync(CreationAction onCreate, DeactivationAction onDeactivate)
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(onCreate, onDeactivate));
        return tenant;
    }

    [Fact]
    public async Task CreatingAnActiveUserCreatesTheEmployee()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        var email = Unique("ada");

        var user = await tenant.Scim.CreateUserAsync(email);

        var employee = await app.AccountOfAsync(tenant, user);
        Assert.Equal(email, employee.Email);
        Assert.Equal("Given Family", employee.DisplayName);
        Assert.Equal(Realm.EnterpriseStore, employee.Realm);
        var log = await app.LogAsync(tenant, user);
        Assert.Collection(log,
            request =>
            {
                Assert.Equal("ScimChange", request.Action);
                Assert.Equal("user created (active)", request.Description);
                Assert.StartsWith("POST /Users", request.Operation);
                Assert.Equal(tenant.Organization.Id, request.OrganizationId);
                Assert.False(string.IsNullOrEmpty(request.TraceId));
            },
            action =>
            {
                Assert.Equal("AccountCreated", action.Action);
                Assert.Equal("on create: CreateAccount", action.Policy);
                Assert.Equal($"employee {email} created", action.Description);
                Assert.Equal("Succeeded", action.Outcome);
                Assert.Equal(log[0].RequestId, action.RequestId);
            });
    }

    [Fact]
    public async Task CreatingAUserWhenThePolicySaysNothingCreatesNoEmployee()
    {
        var tenant = await TenantAsync(CreationAction.Nothing, DeactivationAction.RemoveAccount);

        var user = await tenant.Scim.CreateUserAsync(Unique());

        Assert.Empty(await app.AccountsAsync(tenant));
        var action = (await app.LogAsync(tenant, user)).Last();
        Assert.Equal("Nothing", action.Action);
        Assert.Equal("nothing — policy says nothing", action.Description);
        Assert.Equal("Skipped", action.Outcome);
    }

    [Fact]
    public async Task CreatingAnInactiveUserCreatesNothingUntilItIsActivated()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        using var created = await tenant.Scim.PostScimAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{Unique("later")}}","active":false}
            """);
        var user = await ScimAssert.SuccessAsync(created, HttpStatusCode.Created);
        Assert.Empty(await app.AccountsAsync(tenant));
        Assert.Equal("nothing — the user is inactive; nothing happens until it is activated", (await app.LogAsync(tenant, user)).Last().Description);

        await tenant.ReactivateAsOktaAsync(user).SucceedsAsync();

        await app.AccountOfAsync(tenant, user);
        var log = await app.LogAsync(tenant, user);
        Assert.Equal("user reactivated (active false → true)", log[^2].Description);
        Assert.Equal(("AccountCreated", "on create: CreateAccount"), (log[^1].Action, log[^1].Policy));
    }

    [Fact]
    public async Task DeactivatingThroughOktasPatchRemovesTheEmployeeButNotTheScimUser()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();

        Assert.Empty(await app.AccountsAsync(tenant));
        var read = await tenant.Scim.GetJsonAsync($"Users/{user.Id()}");
        Assert.False(read["active"]!.GetValue<bool>());
        var log = await app.LogAsync(tenant, user);
        var request = log.Single(e => e.Description == "user deactivated (active true → false)");
        Assert.Equal("okta", request.IdentityProvider);
        Assert.StartsWith("PATCH /Users/", request.Operation);
        var removed = Assert.Single(log, e => e.Action == "AccountRemoved");
        Assert.Equal("on deactivate: RemoveAccount", removed.Policy);
        Assert.Equal(request.RequestId, removed.RequestId);
    }

    [Fact]
    public async Task DeactivatingThroughEntraWhenThePolicySaysNothingKeepsTheEmployee()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.Nothing);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.DeactivateAsEntraAsync(user).SucceedsAsync();

        Assert.Single(await app.AccountsAsync(tenant));
        var log = await app.LogAsync(tenant, user);
        Assert.Equal("entra", log.Single(e => e.Description.StartsWith("user deactivated")).IdentityProvider);
        var nothing = log.Last();
        Assert.Equal(("Nothing", "on deactivate: Nothing", "nothing — policy says nothing"), (nothing.Action, nothing.Policy, nothing.Description));
    }

    [Fact]
    public async Task AProfileChangeFlowsIntoTheEmployee()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var newEmail = Unique("renamed");

        await tenant.PutActiveAsync(user, active: true, email: newEmail).SucceedsAsync();

        var employee = await app.AccountOfAsync(tenant, user);
        Assert.Equal(newEmail, employee.Email);
        var updated = Assert.Single(await app.LogAsync(tenant, user, "AccountUpdated"));
        Assert.Contains($"→ {newEmail}", updated.Description);
        Assert.Equal("profile sync", updated.Policy);
    }
}
