using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

[Collection(ProvisioningAppCollection.Name)]
public sealed class GroupsTests(ProvisioningApp app)
{
    private static IEnumerable<string> MemberIds(JsonObject group) =>
        (group["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()) ?? []).Order();

    private static Task<HttpResponseMessage> PatchAsync(Tenant tenant, string groupId, string operations) =>
        tenant.Scim.PatchScimAsync($"Groups/{groupId}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""");

    [Fact]
    public async Task OktaPushesAGroupWithMembersAndTheUsersShowIt()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());

        var group = await tenant.Scim.CreateGroupAsync("Engineering", alice.Id(), bob.Id());
        var aliceAfter = await tenant.Scim.GetJsonAsync($"Users/{alice.Id()}");

        Assert.Equal([alice.Id(), bob.Id()], MemberIds(group).ToArray(), StringComparer.Ordinal);
        Assert.Equal("User", group["members"]![0]!["type"]!.GetValue<string>());
        var membership = Assert.Single(aliceAfter["groups"]!.AsArray())!;
        Assert.Equal(group.Id(), membership["value"]!.GetValue<string>());
        Assert.Equal("Engineering", membership["display"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListedUsersShowTheirGroupsWhetherThePageIsInIdOrderOrSorted()
    {
        var tenant = await app.CreateTenantAsync();
        var users = new List<JsonObject>();
        foreach (var name in new[] { "c", "a", "d", "b" })
        {
            users.Add(await tenant.Scim.CreateUserAsync($"{name}-{Unique()}"));
        }
        await tenant.Scim.CreateGroupAsync("Zeta", users[0].Id(), users[1].Id());
        await tenant.Scim.CreateGroupAsync("Alpha", users[0].Id(), users[2].Id());
        string[] GroupsOf(JsonObject user) => user["groups"]?.AsArray().Select(g => g!["display"]!.GetValue<string>()).ToArray() ?? [];
        var expected = new Dictionary<string, string[]>
        {
            [users[0].Id()] = ["Alpha", "Zeta"],
            [users[1].Id()] = ["Zeta"],
            [users[2].Id()] = ["Alpha"],
            [users[3].Id()] = [],
        };

        var inIdOrder = (await tenant.Scim.GetJsonAsync("Users?count=3"))["Resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var rest = (await tenant.Scim.GetJsonAsync("Users?startIndex=4&count=3"))["Resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var sorted = (await tenant.Scim.GetJsonAsync("Users?sortBy=userName"))["Resources"]!.AsArray().Select(r => r!.AsObject()).ToList();

        var ids = inIdOrder.Concat(rest).Select(u => u.Id()).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), ids);
        Assert.All(inIdOrder.Concat(rest).Concat(sorted), user => Assert.Equal(expected[user.Id()], GroupsOf(user)));
        Assert.Equal(sorted.Select(u => u["userName"]!.GetValue<string>()).Order(StringComparer.Ordinal), sorted.Select(u => u["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OktaAddsAndRemovesMembersAndRenamesTheGroup()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Sales", alice.Id());

        using var add = await PatchAsync(tenant, group.Id(), $$"""[{"op":"add","path":"members","value":[{"value":"{{bob.Id()}}","display":"bob"}]}]""");
        using var remove = await PatchAsync(tenant, group.Id(), $$"""[{"op":"remove","path":"members[value eq \"{{alice.Id()}}\"]"}]""");
        using var rename = await PatchAsync(tenant, group.Id(), $$$"""[{"op":"replace","value":{"id":"{{{group.Id()}}}","displayName":"Sales EMEA"}}]""");
        var after = await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
        Assert.Equal([bob.Id()], MemberIds(after));
        Assert.Equal("Sales EMEA", after["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntraRemovesMembersByAValueArrayAndListsGroupsWithoutMembers()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Finance", alice.Id(), bob.Id());

        using var remove = await PatchAsync(tenant, group.Id(), $$"""[{"op":"Remove","path":"members","value":[{"value":"{{alice.Id()}}"}]}]""");
        var listed = await tenant.Scim.GetJsonAsync($"Groups?excludedAttributes=members&filter={Uri.EscapeDataString("displayName eq \"finance\"")}");
        var after = await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        var found = Assert.Single(listed["Resources"]!.AsArray())!;
        Assert.Null(found["members"]);
        Assert.Equal([bob.Id()], MemberIds(after));
    }

    [Fact]
    public async Task ReaddingAMemberAndRemovingAnAbsentOneAreNoOps()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Ops", alice.Id());

        using var readd = await PatchAsync(tenant, group.Id(), $$"""[{"op":"add","path":"members","value":[{"value":"{{alice.Id()}}"}]}]""");
        using var removeAbsent = await PatchAsync(tenant, group.Id(), $$"""[{"op":"remove","path":"members[value eq \"{{Guid.NewGuid()}}\"]"}]""");

        Assert.Equal(HttpStatusCode.NoContent, readd.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeAbsent.StatusCode);
        Assert.Equal([alice.Id()], MemberIds(await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}")));
    }

    [Fact]
    public async Task UnknownMembersAndOtherConnectionsUsersAreSkippedWhileTheRestAreAdded()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var stranger = await other.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Mixed");

        using var add = await PatchAsync(tenant, group.Id(), $$"""
            [{"op":"add","path":"members","value":[{"value":"{{alice.Id()}}"},{"value":"{{stranger.Id()}}"},{"value":"not-an-id"},{"value":"{{Guid.NewGuid()}}"}]}]
            """);

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal([alice.Id()], MemberIds(await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}")));
    }

    [Fact]
    public async Task ConcurrentMemberAddsToOneGroupLoseNothing()
    {
        var tenant = await app.CreateTenantAsync();
        var users = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            users.Add((await tenant.Scim.CreateUserAsync(Unique())).Id());
        }
        var group = await tenant.Scim.CreateGroupAsync("Busy");

        var responses = await Task.WhenAll(users.Select(id =>
            PatchAsync(tenant, group.Id(), $$"""[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(users.Order(), MemberIds(await tenant.Scim.GetJsonAsync($"Groups/{group.Id()}")));
    }

    [Fact]
    public async Task GroupDisplayNamesAreUniquePerConnection()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        await tenant.Scim.CreateGroupAsync("Admins");
        await other.Scim.CreateGroupAsync("Admins");

        using var duplicate = await tenant.Scim.PostScimAsync("Groups", """{"displayName":"ADMINS"}""");

        await ScimAssert.ErrorAsync(duplicate, HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task DeletingAGroupTakesItOffItsMembers()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Temporary", alice.Id());

        using var deleted = await tenant.Scim.DeleteAsync($"Groups/{group.Id()}");
        using var read = await tenant.Scim.GetAsync($"Groups/{group.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ScimAssert.ErrorAsync(read, HttpStatusCode.NotFound);
        Assert.Null((await tenant.Scim.GetJsonAsync($"Users/{alice.Id()}"))["groups"]);
    }

    [Fact]
    public async Task PutReplacesTheMembersItNames()
    {
        var tenant = await app.CreateTenantAsync();
        var alice = await tenant.Scim.CreateUserAsync(Unique());
        var bob = await tenant.Scim.CreateUserAsync(Unique());
        var group = await tenant.Scim.CreateGroupAsync("Support", alice.Id());

        using var put = await tenant.Scim.PutScimAsync($"Groups/{group.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support","members":[{"value":"{{bob.Id()}}"}]}""");

        Assert.Equal([bob.Id()], MemberIds(await ScimAssert.SuccessAsync(put)));
    }

    [Fact]
    public async Task AGroupPatchAskedForAttributesAnswersWithTheGroup()
    {
        var tenant = await app.CreateTenantAsync();
        var group = await tenant.Scim.CreateGroupAsync("Answering");

        using var patched = await tenant.Scim.PatchScimAsync($"Groups/{group.Id()}?attributes=displayName",
            """{"Operations":[{"op":"replace","path":"displayName","value":"Answered"}]}""");

        Assert.Equal("Answered", (await ScimAssert.SuccessAsync(patched))["displayName"]!.GetValue<string>());
    }
}
