using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>
/// A response carries at most 10,000 member values (docs/scim.md): a page of large groups ends
/// early and the next page goes on; one group larger than that shows its first 10,000.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class GroupReadBoundsTests(ProvisioningApp app)
{
    [Fact]
    public async Task APageOfGroupsWhoseMembersExceedTheCapEndsEarlyAndTheNextPageGoesOn()
    {
        var tenant = await app.CreateTenantAsync();
        var first = await tenant.Scim.CreateGroupAsync("a-" + Unique("group"));
        var second = await tenant.Scim.CreateGroupAsync("b-" + Unique("group"));
        await app.AddGeneratedMembersAsync(tenant.Connection.Id, first.Id(), 6_000);
        await app.AddGeneratedMembersAsync(tenant.Connection.Id, second.Id(), 6_000);

        var page1 = await tenant.Scim.GetJsonAsAnIdpRetriesAsync("Groups?sortBy=displayName&startIndex=1&count=10");
        var page2 = await tenant.Scim.GetJsonAsAnIdpRetriesAsync("Groups?sortBy=displayName&startIndex=2&count=10");
        var entra = await tenant.Scim.GetJsonAsAnIdpRetriesAsync("Groups?sortBy=displayName&excludedAttributes=members");

        Assert.Equal(2, page1["totalResults"]!.GetValue<int>());
        Assert.Equal(1, page1["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(6_000, page1["Resources"]![0]!["members"]!.AsArray().Count);
        Assert.Equal(second.Id(), page2["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(6_000, page2["Resources"]![0]!["members"]!.AsArray().Count);
        Assert.Equal(2, entra["itemsPerPage"]!.GetValue<int>());
    }

    [Fact]
    public async Task AGroupLargerThanTheCapIsReadWithItsFirstTenThousandMembers()
    {
        var tenant = await app.CreateTenantAsync();
        var group = await tenant.Scim.CreateGroupAsync(Unique("group"));
        await app.AddGeneratedMembersAsync(tenant.Connection.Id, group.Id(), 10_050);

        var read = await tenant.Scim.GetJsonAsAnIdpRetriesAsync($"Groups/{group.Id()}");
        var members = read["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToList();

        Assert.Equal(10_000, members.Count);
        Assert.Equal(members.Order(StringComparer.Ordinal), members);
    }
}
