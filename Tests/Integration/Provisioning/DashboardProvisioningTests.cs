using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>Dashboard: collaborators with the connection's default role, each create and deactivate option.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class DashboardProvisioningTests(ProvisioningApp app)
{
    private async Task<Tenant> TenantAsync(CreationAction onCreate, DeactivationAction onDeactivate, CollaboratorRole? defaultRole = null)
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(onCreate, onDeactivate, defaultRole));
        return tenant;
    }

    [Fact]
    public async Task CreatingAUserCreatesACollaboratorWithTheDefaultRole()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Editor);
        var email = Unique();

        var user = await tenant.Scim.CreateUserAsync(email);

        var collaborator = await app.AccountOfAsync(tenant, user);
        Assert.Equal(CollaboratorRole.Editor, collaborator.Role);
        var created = Assert.Single(await app.LogAsync(tenant, user, "AccountCreated"));
        Assert.Equal($"collaborator {email} created with role Editor", created.Description);
        Assert.Equal("on create: CreateAccount (default role Editor)", created.Policy);
    }

    [Fact]
    public async Task ChangingTheDefaultRoleReachesCollaboratorsInNoMappedGroupAtOnce()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Admin);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        Assert.Equal(CollaboratorRole.Admin, (await app.AccountOfAsync(tenant, user)).Role);

        await app.SetPolicyAsync(tenant, new ConnectionPolicyDto(CreationAction.CreateAccount, DeactivationAction.RemoveAccount, CollaboratorRole.Viewer));

        Assert.Equal(CollaboratorRole.Viewer, (await app.AccountOfAsync(tenant, user)).Role);
    }

    [Fact]
    public async Task CreatingAUserWhenThePolicySaysNothingCreatesNoCollaborator()
    {
        var tenant = await TenantAsync(CreationAction.Nothing, DeactivationAction.RemoveAccount);

        var user = await tenant.Scim.CreateUserAsync(Unique());

        Assert.Empty(await app.AccountsAsync(tenant));
        Assert.Equal("nothing — policy says nothing", (await app.LogAsync(tenant, user)).Last().Description);
    }

    [Fact]
    public async Task DeactivatingThroughAPutWithActiveFalseRemovesTheCollaborator()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.DeactivateWithPutAsync(user).SucceedsAsync();

        Assert.Empty(await app.AccountsAsync(tenant));
        var log = await app.LogAsync(tenant, user);
        Assert.StartsWith("PUT /Users/", log.Single(e => e.Description.StartsWith("user deactivated")).Operation);
        Assert.Single(log, e => e.Action == "AccountRemoved" && e.Outcome == "Succeeded");
        Assert.False((await tenant.Scim.GetJsonAsync($"Users/{user.Id()}"))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task DeactivatingThroughOktasPatchWhenThePolicySaysNothingKeepsTheCollaborator()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.Nothing);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();

        Assert.Equal(CollaboratorRole.Viewer, (await app.AccountOfAsync(tenant, user)).Role);
        Assert.Equal("nothing — policy says nothing", (await app.LogAsync(tenant, user)).Last().Description);
    }

    [Fact]
    public async Task DeactivatingThroughEntraRemovesTheCollaborator()
    {
        var tenant = await TenantAsync(CreationAction.CreateAccount, DeactivationAction.RemoveAccount);
        var user = await tenant.Scim.CreateUserAsync(Unique());

        await tenant.DeactivateAsEntraAsync(user).SucceedsAsync();

        Assert.Empty(await app.AccountsAsync(tenant));
        Assert.Equal("entra", Assert.Single(await app.LogAsync(tenant, user, "AccountRemoved")).IdentityProvider);
    }
}
