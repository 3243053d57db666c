using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>
/// Okta and Entra resend memberships all the time. A group PATCH or PUT that changes no member and no
/// attribute keeps the group's version and modification time (RFC 7644 §3.5.2.1) and logs nothing;
/// one that changes a member moves them.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class GroupVersionTests(ProvisioningApp app)
{
    [Fact]
    public async Task ReAddingAMemberKeepsTheGroupsVersionAndLastModified()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());
        // Mapped to a role: a change would recompute its members' roles, and log that too.
        await app.SetGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(created.Id()), CollaboratorRole.Admin, "Ops"));
        var before = await StateAsync(tenant, created);

        using var readd = await PatchAsync(tenant, created, $$"""[{"op":"add","path":"members","value":[{"value":"{{alice.Id()}}","display":"Alice"}]}]""");

        Assert.Equal(HttpStatusCode.NoContent, readd.StatusCode);
        Assert.Equal(before.Version, readd.Headers.ETag?.ToString());
        Assert.Equal(before, await StateAsync(tenant, created));
    }

    [Fact]
    public async Task RemovingANonMemberKeepsTheGroupsVersion()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());
        var before = await StateAsync(tenant, created);

        using var asOkta = await PatchAsync(tenant, created, $$"""[{"op":"remove","path":"members[value eq \"{{bob.Id()}}\"]"}]""");
        using var asEntra = await PatchAsync(tenant, created, $$"""[{"op":"Remove","path":"members","value":[{"value":"{{Guid.NewGuid()}}"}]}]""");

        Assert.Equal(HttpStatusCode.NoContent, asOkta.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, asEntra.StatusCode);
        Assert.Equal(before, await StateAsync(tenant, created));
    }

    [Fact]
    public async Task AddingIdsThatNameNothingOrTheGroupItselfKeepsTheGroupsVersion()
    {
        var tenant = await app.CreateTenantAsync();
        var created = await tenant.Scim.CreateGroupAsync("Ops");
        var before = await StateAsync(tenant, created);

        using var skipped = await PatchAsync(tenant, created,
            $$"""[{"op":"add","path":"members","value":[{"value":"{{Guid.NewGuid()}}"},{"value":"not-an-id"},{"value":"{{created.Id()}}"}]}]""");

        Assert.Equal(HttpStatusCode.NoContent, skipped.StatusCode);
        Assert.Equal(before, await StateAsync(tenant, created));
    }

    [Fact]
    public async Task AddingANewMemberMovesTheGroupsVersionAndLogsOnlyTheMemberChange()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());
        var before = await StateAsync(tenant, created);

        using var add = await PatchAsync(tenant, created, $$"""[{"op":"add","path":"members","value":[{"value":"{{bob.Id()}}"}]}]""");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        var after = await StateAsync(tenant, created);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(after.Version, add.Headers.ETag?.ToString());
        Assert.Equal(before.Log + "\ngroup 'Ops': 1 member(s) added", after.Log);
    }

    [Fact]
    public async Task TheLogCountsTheMembersThatMovedNotTheOnesSent()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());
        var before = await StateAsync(tenant, created);

        using var add = await PatchAsync(tenant, created,
            $$"""[{"op":"add","path":"members","value":[{"value":"{{alice.Id()}}"},{"value":"{{bob.Id()}}"}]},{"op":"remove","path":"members[value eq \"{{Guid.NewGuid()}}\"]"}]""");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(before.Log + "\ngroup 'Ops': 1 member(s) added", (await StateAsync(tenant, created)).Log);
    }

    [Fact]
    public async Task AnUnchangedPatchAskedForAttributesAnswersTheGroupWithItsVersion()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());
        var before = await StateAsync(tenant, created);

        using var readd = await tenant.Scim.PatchScimAsync($"Groups/{created.Id()}?attributes=members",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{alice.Id()}}"}]}]}""");

        var answered = await ScimAssert.SuccessAsync(readd);
        Assert.Equal(alice.Id(), answered["members"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(before.Version, readd.Headers.ETag?.ToString());
        Assert.Equal(before, await StateAsync(tenant, created));
    }

    [Fact]
    public async Task ReplacingTheMembersWithTheSameOnesKeepsTheVersionAndSwappingOneMovesIt()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var carol = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id(), bob.Id());
        var before = await StateAsync(tenant, created);

        using var same = await PatchAsync(tenant, created, $$"""[{"op":"replace","path":"members","value":[{"value":"{{bob.Id()}}"},{"value":"{{alice.Id()}}"}]}]""");
        var unchanged = await StateAsync(tenant, created);
        using var swapped = await PatchAsync(tenant, created, $$"""[{"op":"replace","path":"members","value":[{"value":"{{alice.Id()}}"},{"value":"{{carol.Id()}}"}]}]""");
        var after = await StateAsync(tenant, created);

        Assert.Equal(HttpStatusCode.NoContent, same.StatusCode);
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.NoContent, swapped.StatusCode);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(string.Join(", ", new[] { alice.Id(), carol.Id() }.Order(StringComparer.Ordinal)), after.Members);
    }

    [Fact]
    public async Task PuttingTheSameGroupAgainKeepsItsVersion()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var created = await tenant.Scim.CreateGroupAsync("Ops", alice.Id(), bob.Id());
        var before = await StateAsync(tenant, created);

        using var same = await tenant.Scim.PutScimAsync($"Groups/{created.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops","members":[{"value":"{{bob.Id()}}"},{"value":"{{alice.Id()}}"}]}""");
        var unchanged = await StateAsync(tenant, created);
        using var renamed = await tenant.Scim.PutScimAsync($"Groups/{created.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops EMEA"}""");
        var after = await StateAsync(tenant, created);

        Assert.Equal(before.Version, (await ScimAssert.SuccessAsync(same))["meta"]!["version"]!.GetValue<string>());
        Assert.Equal(before, unchanged);
        await ScimAssert.SuccessAsync(renamed);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(before.Members, after.Members);
    }

    /// <summary>What a change would move: the group's version, its modification time, its members, and the log's entries about it.</summary>
    private sealed record GroupState(string Version, string LastModified, string Members, string Log);

    private async Task<GroupState> StateAsync(Tenant tenant, JsonObject group)
    {
        var read = await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}");
        var members = string.Join(", ", (read["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()) ?? []).Order(StringComparer.Ordinal));
        // Every entry about the group, oldest first: its ScimChange entries and any role recomputation they caused.
        var log = string.Join("\n", (await app.LogAsync(tenant)).Where(e => e.ScimGroupId?.ToString() == group.Id()).Select(e => e.Description));
        return new GroupState(read["meta"]!["version"]!.GetValue<string>(), read["meta"]!["lastModified"]!.GetValue<string>(), members, log);
    }

    private static Task<HttpResponseMessage> PatchAsync(Tenant tenant, JsonObject group, string operations) =>
        tenant.Scim.PatchScimAsync($"Groups/{group.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");
}
