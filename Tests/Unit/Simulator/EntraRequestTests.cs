using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Entra;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Simulator;

/// <summary>The simulator's Entra requests carry Entra's dialect, as Microsoft's SCIM documents show it.</summary>
public sealed class EntraRequestTests
{
    private static DirectoryUser Provisioned() => new("grace.hopper@entra.example", "Grace", "Hopper", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef")
    {
        ScimId = "u-2",
        Manager = new DirectoryUser("boss@entra.example", "Big", "Boss", "ext-boss") { ScimId = "u-boss" },
    };

    [Fact]
    public void TestConnectionLooksUpAUserNameThatCannotExist()
    {
        var probe = Guid.NewGuid();

        Assert.Equal($"Users?filter=userName%20eq%20%22{probe}%22", EntraRequests.TestConnection(probe).Path);
    }

    [Fact]
    public void TheLookupUsesTheMatchingAttribute()
    {
        Assert.Contains("externalId%20eq%20%220a21f0f2", EntraRequests.FindUser(Provisioned(), EntraMatching.ExternalId).Path);
        Assert.Contains("userName%20eq%20%22grace.hopper", EntraRequests.FindUser(Provisioned(), EntraMatching.UserName).Path);
    }

    [Fact]
    public void ACreateCarriesTheEnterpriseExtensionAndTheExternalId()
    {
        var body = EntraRequests.CreateUser(Provisioned()).Body!;

        Assert.Equal(2, body["schemas"]!.AsArray().Count);
        Assert.Equal("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef", body["externalId"]!.GetValue<string>());
        Assert.NotNull(body[EntraRequests.EnterpriseUser]!["department"]);
    }

    [Fact]
    public void DisablingReplacesActiveWithTheStringFalse()
    {
        JsonEqual("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'Replace','path':'active','value':'False'}]}",
            EntraRequests.SetActive(Provisioned(), active: false).Body);
        Assert.Equal("True", EntraRequests.SetActive(Provisioned(), active: true).Body!["Operations"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void AnUpdateWithPathsSendsTheManagerAsABareString()
    {
        var operations = EntraRequests.UpdateWithPaths(Provisioned()).Body!["Operations"]!.AsArray();

        Assert.All(operations, o => Assert.True(o!["op"]!.GetValue<string>() is "Replace" or "Add"));
        JsonEqual("{'op':'Add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':'u-boss'}", operations[^1]);
    }

    [Fact]
    public void AnUpdateWithoutAPathUsesDottedAndUrnQualifiedKeys()
    {
        var value = EntraRequests.UpdateWithoutPath(Provisioned()).Body!["Operations"]![0]!["value"]!.AsObject();

        Assert.Equal("Hopper", value["name.familyName"]!.GetValue<string>());
        Assert.True(value.ContainsKey("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"));
    }

    [Fact]
    public void GroupsAreReadWithoutMembersAndMembersChangeByValueArrays()
    {
        var group = new DirectoryGroup("Finance", "g-ext") { ScimId = "g-2" };

        Assert.Contains("excludedAttributes=members", EntraRequests.FindGroup(group).Path);
        Assert.Equal("Groups/g-2?excludedAttributes=members", EntraRequests.ReadGroup(group).Path);
        JsonEqual("{'op':'Remove','path':'members','value':[{'$ref':null,'value':'u-2'}]}",
            EntraRequests.RemoveMembers(group, [Provisioned()]).Body!["Operations"]![0]);
        JsonEqual("{'op':'Replace','path':'displayName','value':'Finance'}", EntraRequests.RenameGroup(group).Body!["Operations"]![0]);
    }
}
