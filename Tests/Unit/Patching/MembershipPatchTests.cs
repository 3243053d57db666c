using Provisioning.ScimService.Protocol;
using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>Operations on group members become deltas; the engine never sees the stored members.</summary>
public sealed class MembershipPatchTests
{
    private const string Sales = "{'displayName':'Sales'}";

    public static TheoryData<string, string, string> Patches => new()
    {
        { "Okta adds members with their display names", "[{'op':'add','path':'members','value':[{'value':'u1','display':'Jo'},{'value':'u2','display':'Al'}]}]", "add u1, u2" },
        { "Entra adds a member with a null $ref", "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'u1'}]}]", "add u1" },
        { "A member type is kept", "[{'op':'add','path':'members','value':[{'value':'g2','type':'Group'}]}]", "add g2 (Group)" },
        { "Okta removes one member with a value filter", "[{'op':'remove','path':'members[value eq \\'u1\\']'}]", "remove u1" },
        { "Several members are removed with or", "[{'op':'remove','path':'members[value eq \\'u1\\' or value eq \\'u2\\']'}]", "remove u1, u2" },
        { "Entra removes members listed in the value", "[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'u1'}]}]", "remove u1" },
        { "A remove of members without a value removes them all", "[{'op':'remove','path':'members'}]", "remove all" },
        { "Okta replaces all members", "[{'op':'replace','path':'members','value':[{'value':'u3'}]}]", "replace with u3" },
        { "Replacing members with an empty list empties the group", "[{'op':'replace','path':'members','value':[]}]", "replace with " },
        { "Members in a replace without path replace them all", "[{'op':'replace','value':{'members':[{'value':'u3'}]}}]", "replace with u3" },
        { "Members in an add without path are added", "[{'op':'add','value':{'members':[{'value':'u3'}]}}]", "add u3" },
        { "Changes keep their order", "[{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'value':'u1'}]},{'op':'remove','path':'members[value eq \\'u1\\']'}]",
            "remove all | add u1 | remove u1" },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public void MemberOperationsBecomeMembershipChanges(string shape, string operations, string changes)
    {
        Assert.NotEmpty(shape);
        var result = Group(Sales, operations);
        Assert.Equal(changes, Describe(result.MembershipChanges));
        JsonEqual(Sales, result.Attributes);
        // Whether a delta changes the members only its write can tell (a member added again changes nothing).
        Assert.False(result.AttributesChanged);
    }

    [Fact]
    public void ARenameAndAMemberChangeGoTogether()
    {
        var result = Group(Sales, "[{'op':'Replace','path':'displayName','value':'Sales EU'},{'op':'Add','path':'members','value':[{'value':'u1'}]}]");
        JsonEqual("{'displayName':'Sales EU'}", result.Attributes);
        Assert.True(result.AttributesChanged);
        Assert.Equal("add u1", Describe(result.MembershipChanges));
    }

    [Fact]
    public void AddingAnEmptyListOfMembersChangesNothing()
    {
        var result = Group(Sales, "[{'op':'add','path':'members','value':[]}]");
        Assert.Empty(result.MembershipChanges);
        Assert.False(result.AttributesChanged);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "[{'op':'remove','path':'members[type eq \\'User\\']'}]", ScimType.InvalidFilter, "Only filters of the form members[value eq" },
        { "[{'op':'remove','path':'members[value eq \\'u1\\' and type eq \\'User\\']'}]", ScimType.InvalidFilter, "Only filters of the form members[value eq" },
        { "[{'op':'remove','path':'members[value co \\'u\\']'}]", ScimType.InvalidFilter, "Only filters of the form members[value eq" },
        { "[{'op':'add','path':'members[value eq \\'u1\\']','value':{'value':'u1'}}]", ScimType.InvalidPath, "without a filter" },
        { "[{'op':'replace','path':'members[value eq \\'u1\\'].display','value':'Jo'}]", ScimType.Mutability, "'members.display' is read-only" },
        { "[{'op':'replace','path':'members.value','value':'u2'}]", ScimType.Mutability, "'members.value' cannot change" },
        { "[{'op':'add','path':'members','value':[{'display':'Jo'}]}]", ScimType.InvalidValue, "needs a \"value\"" },
        { "[{'op':'add','path':'members','value':[{'value':'u1','type':'Device'}]}]", ScimType.InvalidValue, "must be \"User\" or \"Group\"" },
        { "[{'op':'replace','path':'displayName','value':''}]", ScimType.InvalidValue, "A Group needs a non-empty 'displayName'." },
        { "[{'op':'remove','path':'displayName'}]", ScimType.InvalidValue, "A Group needs a non-empty 'displayName'." },
        { "[{'op':'add','path':'password','value':'x'}]", ScimType.InvalidPath, "'password' is not an attribute of the Group" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AMemberOperationThatCannotApplyIsRefused(string operations, string scimType, string detail) =>
        Error(scimType, detail, () => Group(Sales, operations));

    [Fact]
    public void MembersOfAUserAreAnUnknownAttribute() =>
        Error(ScimType.InvalidPath, "Unknown attribute 'members' for a User.", () => User("{'userName':'jo'}", "[{'op':'add','value':{'members':[{'value':'u1'}]}}]"));
}
