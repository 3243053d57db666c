using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Okta;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Simulator;

/// <summary>The simulator's Okta requests are the ones Okta's SCIM 2.0 reference shows.</summary>
public sealed class OktaRequestTests
{
    private static DirectoryUser Provisioned() => new("ada.lovelace@okta.example", "Ada", "Lovelace", "00u1") { ScimId = "u-1" };

    [Fact]
    public void TestApiCredentialsAsksForTwoUsersFromTheFirst()
    {
        var request = OktaRequests.TestCredentials();

        Assert.Equal((HttpMethod.Get, "Users?startIndex=1&count=2"), (request.Method, request.Path));
    }

    [Fact]
    public void TheLookupBeforeACreateFiltersOnUserNameAndPagesByAHundred()
    {
        var request = OktaRequests.FindUser(Provisioned());

        Assert.Equal("Users?filter=userName%20eq%20%22ada.lovelace%40okta.example%22&startIndex=1&count=100", request.Path);
    }

    [Fact]
    public void DeactivationIsAReplaceWithoutAPath()
    {
        var request = OktaRequests.SetActive(OktaSteps.Deactivate, Provisioned(), active: false);

        Assert.Equal((HttpMethod.Patch, "Users/u-1"), (request.Method, request.Path));
        JsonEqual("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace','value':{'active':false}}]}", request.Body);
    }

    [Fact]
    public void AProfilePushIsAPutOfTheWholeUserWithItsId()
    {
        var body = OktaRequests.PushProfile(Provisioned()).Body!;

        Assert.Equal("u-1", body["id"]!.GetValue<string>());
        Assert.Equal("Lovelace", body["name"]!["familyName"]!.GetValue<string>());
        Assert.True(body["active"]!.GetValue<bool>());
        Assert.Equal("work", body["emails"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void AGroupIsPushedWithoutMembersThenMembersFollowAndLeaveByPatch()
    {
        var group = new DirectoryGroup("Engineering", "g-ext") { ScimId = "g-1" };

        JsonEqual("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Engineering','members':[]}", OktaRequests.PushGroup(group).Body);
        JsonEqual("{'op':'add','path':'members','value':[{'value':'u-1','display':'ada.lovelace@okta.example'}]}",
            OktaRequests.AddMembers(group, [Provisioned()]).Body!["Operations"]![0]);
        JsonEqual("{'op':'remove','path':'members[value eq \\'u-1\\']'}".Replace("\\'", "\\\""),
            OktaRequests.RemoveMember(group, Provisioned()).Body!["Operations"]![0]);
    }

    [Fact]
    public void ARenameRepeatsTheGroupIdInTheValue()
    {
        var group = new DirectoryGroup("Sales EMEA", "g-ext") { ScimId = "g-1" };

        JsonEqual("{'op':'replace','value':{'id':'g-1','displayName':'Sales EMEA'}}", OktaRequests.RenameGroup(group).Body!["Operations"]![0]);
    }
}
