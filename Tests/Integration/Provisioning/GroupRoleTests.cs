using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>Dashboard roles follow the mapped groups at once: membership changes, group deletion, mapping edits.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class GroupRoleTests(ProvisioningApp app)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private async Task<(Tenant Tenant, JsonObject User, JsonObject Admins, JsonObject Editors)> MappedAsync()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var admins = await tenant.Scim.CreateGroupAsync("Admins " + Guid.NewGuid().ToString("N")[..6]);
        var editors = await tenant.Scim.CreateGroupAsync("Editors " + Guid.NewGuid().ToString("N")[..6]);
        await app.SetGroupRolesAsync(tenant,
            new GroupRoleMappingDto(Guid.Parse(admins.Id()), CollaboratorRole.Admin, "Admins"),
            new GroupRoleMappingDto(Guid.Parse(editors.Id()), CollaboratorRole.Editor, "Editors"));
        return (tenant, user, admins, editors);
    }

    /// <summary>Okta's membership add.</summary>
    private static Task AddMemberAsync(Tenant tenant, JsonObject group, JsonObject user) =>
        tenant.Scim.PatchScimAsync($"Groups/{group.Id()}",
            $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user.Id()}}","display":"x"}]}]}""")
            .SucceedsAsync(HttpStatusCode.NoContent);

    /// <summary>Entra's membership removal: a value array.</summary>
    private static Task RemoveMemberAsync(Tenant tenant, JsonObject group, JsonObject user) =>
        tenant.Scim.PatchScimAsync($"Groups/{group.Id()}",
            $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{user.Id()}}"}]}]}""")
            .SucceedsAsync(HttpStatusCode.NoContent);

    private async Task<CollaboratorRole?> RoleAsync(Tenant tenant, JsonObject user) => (await app.AccountOfAsync(tenant, user)).Role;

    [Fact]
    public async Task TheHighestRoleAmongSeveralMappedGroupsWinsAndMembershipChangesApplyAtOnce()
    {
        var (tenant, user, admins, editors) = await MappedAsync();
        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, user));

        await AddMemberAsync(tenant, editors, user);
        Assert.Equal(CollaboratorRole.Editor, await RoleAsync(tenant, user));

        await AddMemberAsync(tenant, admins, user);
        Assert.Equal(CollaboratorRole.Admin, await RoleAsync(tenant, user));

        await RemoveMemberAsync(tenant, admins, user);
        Assert.Equal(CollaboratorRole.Editor, await RoleAsync(tenant, user));

        await RemoveMemberAsync(tenant, editors, user);
        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, user));

        var changes = (await app.LogAsync(tenant, user, "RoleChanged")).Select(e => e.Description[(e.Description.IndexOf(':') + 2)..]);
        Assert.Equal(["role Viewer → Editor", "role Editor → Admin", "role Admin → Editor", "role Editor → Viewer"], changes);
    }

    [Fact]
    public async Task AMembershipChangeOfAnUnmappedGroupChangesNoRole()
    {
        var (tenant, user, _, _) = await MappedAsync();
        var other = await tenant.Scim.CreateGroupAsync("Other " + Guid.NewGuid().ToString("N")[..6]);

        await AddMemberAsync(tenant, other, user);

        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, user));
        Assert.Empty(await app.LogAsync(tenant, user, "RoleChanged"));
    }

    [Fact]
    public async Task DeletingAMappedGroupRecomputesItsMembersRoles()
    {
        var (tenant, user, admins, editors) = await MappedAsync();
        await AddMemberAsync(tenant, editors, user);
        await AddMemberAsync(tenant, admins, user);

        await tenant.Scim.SendScimAsync(HttpMethod.Delete, $"Groups/{admins.Id()}").SucceedsAsync(HttpStatusCode.NoContent);

        Assert.Equal(CollaboratorRole.Editor, await RoleAsync(tenant, user));
        var change = (await app.LogAsync(tenant, user, "RoleChanged")).Last();
        Assert.StartsWith("DELETE /Groups/", change.Operation);
        Assert.Equal(Guid.Parse(admins.Id()), change.ScimGroupId);
    }

    [Fact]
    public async Task ReplacingAMappedGroupsMembersRecomputesOldAndNewMembers()
    {
        var (tenant, user, admins, _) = await MappedAsync();
        var newcomer = await tenant.Scim.CreateUserAsync(Unique("newcomer"));
        await AddMemberAsync(tenant, admins, user);

        await tenant.Scim.PatchScimAsync($"Groups/{admins.Id()}",
            $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"members","value":[{"value":"{{newcomer.Id()}}"}]}]}""")
            .SucceedsAsync(HttpStatusCode.NoContent);

        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, user));
        Assert.Equal(CollaboratorRole.Admin, await RoleAsync(tenant, newcomer));
    }

    [Fact]
    public async Task AMappingChangeReEvaluatesEveryMemberOfThatGroup()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var first = await tenant.Scim.CreateUserAsync(Unique("first"));
        var second = await tenant.Scim.CreateUserAsync(Unique("second"));
        var outsider = await tenant.Scim.CreateUserAsync(Unique("outsider"));
        var team = await tenant.Scim.CreateGroupAsync("Team " + Guid.NewGuid().ToString("N")[..6], first.Id(), second.Id());
        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, first));

        var updated = await app.SetGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(team.Id()), CollaboratorRole.Admin, "Team"));

        Assert.Equal(2, updated.Reconciled.CollaboratorsChanged);
        Assert.Equal(CollaboratorRole.Admin, await RoleAsync(tenant, first));
        Assert.Equal(CollaboratorRole.Admin, await RoleAsync(tenant, second));
        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, outsider));
        var change = Assert.Single(await app.LogAsync(tenant, first, "RoleChanged"));
        Assert.Equal("admin", change.IdentityProvider);
        Assert.Equal($"role settings changed (version {updated.Settings.SettingsVersion})", change.Operation);

        var lowered = await app.SetGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(team.Id()), CollaboratorRole.Editor, "Team"));

        Assert.Equal(2, lowered.Reconciled.CollaboratorsChanged);
        Assert.Equal(CollaboratorRole.Editor, await RoleAsync(tenant, second));

        var removed = await app.SetGroupRolesAsync(tenant);

        Assert.Equal(2, removed.Reconciled.CollaboratorsChanged);
        Assert.Equal(CollaboratorRole.Viewer, await RoleAsync(tenant, first));
        Assert.Empty(removed.Settings.GroupRoles);
    }

    [Fact]
    public async Task AReactivatedUserGetsTheRoleOfTheGroupsItIsStillIn()
    {
        var (tenant, user, _, editors) = await MappedAsync();
        await AddMemberAsync(tenant, editors, user);
        await tenant.DeactivateAsOktaAsync(user).SucceedsAsync();
        Assert.Empty(await app.AccountsAsync(tenant));

        await tenant.ReactivateAsOktaAsync(user).SucceedsAsync();

        Assert.Equal(CollaboratorRole.Editor, await RoleAsync(tenant, user));
        Assert.EndsWith("created with role Editor", (await app.LogAsync(tenant, user, "AccountCreated")).Last().Description);
    }

    [Fact]
    public async Task ReconcilingAVersionAgainChangesNothingAndAnswersForKnownDashboardConnectionsOnly()
    {
        var (tenant, user, admins, _) = await MappedAsync();
        await AddMemberAsync(tenant, admins, user);
        var elsewhere = await app.CreateTenantAsync(Realm.EnterpriseStore);
        var version = (await app.GetSettingsAsync(tenant)).SettingsVersion;
        using var scim = app.CreateScimServiceClient();

        var again = await app.ReconcileRolesAsync(tenant, version);
        using var unknown = await scim.PostAsJsonAsync($"/internal/connections/{Guid.NewGuid()}/roles/reconcile", new ReconcileRolesRequest(1));
        using var otherRealm = await scim.PostAsJsonAsync($"/internal/connections/{elsewhere.Connection.Id}/roles/reconcile", new ReconcileRolesRequest(0));

        // The answer is what reaching the version did when the mappings were saved (the user had no group then).
        Assert.Equal(new RolesReconciledDto(version, 1, 0), again);
        Assert.Equal(CollaboratorRole.Admin, await RoleAsync(tenant, user));
        Assert.Single(await app.LogAsync(tenant, user, "RoleChanged"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherRealm.StatusCode);
        Assert.Equal("application/problem+json", otherRealm.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AMappingSavedAtPolicyServiceAloneReachesTheRolesThroughTheInvalidationMessage()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var user = await tenant.Scim.CreateUserAsync(Unique());
        var team = await tenant.Scim.CreateGroupAsync("Team " + Guid.NewGuid().ToString("N")[..6], user.Id());

        await app.SaveGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(team.Id()), CollaboratorRole.Editor, "Team"));

        await Credentials.EventuallyAsync(async () => await RoleAsync(tenant, user) == CollaboratorRole.Editor,
            TimeSpan.FromSeconds(20), "the role following the mapping without anyone asking ScimService");
    }

    [Fact]
    public async Task MappingsAreRefusedOnAConnectionOfAnotherRealm()
    {
        var tenant = await app.CreateTenantAsync(Realm.EnterpriseStore);
        using var policy = app.CreatePolicyClient();

        using var response = await policy.PutAsJsonAsync($"/internal/connections/{tenant.Connection.Id}/group-roles",
            new UpdateGroupRolesRequest([new GroupRoleMappingDto(Guid.NewGuid(), CollaboratorRole.Admin)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await app.GetSettingsAsync(tenant)).GroupRoles);
    }
}
