using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;
using static Provisioning.Tests.Integration.Infrastructure.ScimRequests;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>Bulk operations run the same engine as single requests, each operation in its own transaction.</summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class BulkProvisioningTests(ProvisioningApp app)
{
    [Fact]
    public async Task ABulkRequestProvisionsEachOperationAndRolesFollowItsGroupChanges()
    {
        var tenant = await app.CreateTenantAsync(Realm.Dashboard);
        var admins = await tenant.Scim.CreateGroupAsync("Admins " + Guid.NewGuid().ToString("N")[..6]);
        await app.SetGroupRolesAsync(tenant, new GroupRoleMappingDto(Guid.Parse(admins.Id()), CollaboratorRole.Admin, "Admins"));
        var first = Unique("first");
        var second = Unique("second");

        using var response = await tenant.Scim.PostScimAsync("Bulk", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"{{{first}}}"}},
              {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"{{{second}}}"}},
              {"method":"PATCH","path":"/Groups/{{{admins.Id()}}}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations":[{"op":"add","path":"members","value":[{"value":"bulkId:b"}]}]}}]}
            """);

        var operations = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.All(operations, op => Assert.StartsWith("2", op!["status"]!.GetValue<string>()));
        var collaborators = (await app.AccountsAsync(tenant)).ToDictionary(c => c.Email);
        Assert.Equal(CollaboratorRole.Viewer, collaborators[first].Role);
        Assert.Equal(CollaboratorRole.Admin, collaborators[second].Role);
        var log = await app.LogAsync(tenant);
        Assert.Equal(2, log.Count(e => e.Action == "AccountCreated" && e.Operation.StartsWith("Bulk POST /Users")));
        Assert.Equal($"collaborator {second}: role Viewer → Admin", Assert.Single(log, e => e.Action == "RoleChanged").Description);
    }
}
