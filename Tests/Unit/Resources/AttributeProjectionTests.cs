using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Resources;

public sealed class AttributeProjectionTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Always = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1'";

    private static readonly JsonObject FullUser = Json("{" + Always + ",'meta':{'resourceType':'User'},'userName':'jo'," +
        "'name':{'givenName':'Jo','familyName':'Doe'},'emails':[{'value':'jo@example.com','type':'work','primary':true}]," +
        "'password':'never-shown','groups':[{'value':'g1','display':'Sales'}]," +
        "'" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}");

    private static AttributePath[]? Paths(string? list) => list?.Split(',').Select(FilterParser.ParseAttributePath).ToArray();

    public static TheoryData<string?, string?, string> Selections => new()
    {
        { null, null, "{" + Always + ",'meta':{'resourceType':'User'},'userName':'jo','name':{'givenName':'Jo','familyName':'Doe'}," +
            "'emails':[{'value':'jo@example.com','type':'work','primary':true}],'groups':[{'value':'g1','display':'Sales'}]," +
            "'" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { "userName", null, "{" + Always + ",'userName':'jo'}" },
        { "USERNAME,password", null, "{" + Always + ",'userName':'jo'}" },
        { "name.givenName", null, "{" + Always + ",'name':{'givenName':'Jo'}}" },
        { "emails.value", null, "{" + Always + ",'emails':[{'value':'jo@example.com'}]}" },
        { "urn:ietf:params:scim:schemas:core:2.0:User:userName", null, "{" + Always + ",'userName':'jo'}" },
        { Enterprise + ":department", null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D'}}" },
        { Enterprise + ":manager.value", null, "{" + Always + ",'" + Enterprise + "':{'manager':{'value':'m1'}}}" },
        { Enterprise, null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { "department", null, "{" + Always + ",'" + Enterprise + "':{'department':'R&D'}}" },
        { "shoeSize,userName", null, "{" + Always + ",'userName':'jo'}" },
        { "userName", "userName", "{" + Always + ",'userName':'jo'}" },
        { null, "emails,groups,meta,name,id", "{" + Always + ",'userName':'jo','" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { null, "name.familyName,emails.primary,emails.type," + Enterprise + ",groups,meta",
            "{" + Always + ",'userName':'jo','name':{'givenName':'Jo'},'emails':[{'value':'jo@example.com'}]}" },
        { null, Enterprise + ":manager,emails,name,groups,meta", "{" + Always + ",'userName':'jo','" + Enterprise + "':{'department':'R&D'}}" },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void AttributesAndExcludedAttributesSelectWhatIsReturned(string? attributes, string? excluded, string expected) =>
        JsonEqual(expected, AttributeProjection.Project(FullUser, ResourceTypes.User, Paths(attributes), Paths(excluded)));

    [Fact]
    public void ProjectingDoesNotChangeTheResource()
    {
        var before = FullUser.DeepClone();
        AttributeProjection.Project(FullUser, ResourceTypes.User, Paths("name.givenName"), null);
        JsonEqual(before, FullUser);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "members", false)]
    [InlineData(null, "MEMBERS", false)]
    [InlineData(null, "members.value", true)]
    [InlineData(null, "displayName", true)]
    [InlineData("displayName", null, false)]
    [InlineData("members", null, true)]
    [InlineData("members.value", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", null, true)]
    public void GroupMembersAreLoadedOnlyWhenTheyWillBeReturned(string? attributes, string? excluded, bool loaded) =>
        Assert.Equal(loaded, AttributeProjection.Includes(ResourceTypes.Group, "members", Paths(attributes), Paths(excluded)));

    [Fact]
    public void IdIsAlwaysIncludedAndPasswordNever()
    {
        Assert.True(AttributeProjection.Includes(ResourceTypes.User, "id", Paths("userName"), null));
        Assert.False(AttributeProjection.Includes(ResourceTypes.User, "password", Paths("password"), null));
    }
}
