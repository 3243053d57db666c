using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Resources;

public sealed class ResourceNormalizerTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static NormalizedResource User(string body) => ResourceNormalizer.Normalize(Json(body), ResourceTypes.User);
    private static NormalizedResource Group(string body) => ResourceNormalizer.Normalize(Json(body), ResourceTypes.Group);

    public static TheoryData<string, string, string> AcceptedUsers => new()
    {
        {
            "An Entra create keeps values verbatim and drops meta",
            "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + Enterprise + "'],'externalId':'E1','userName':'Jo@Contoso.com','active':true," +
            "'emails':[{'primary':true,'type':'work','value':'Jo@Contoso.com'}],'meta':{'resourceType':'User'}," +
            "'name':{'familyName':'Doe','givenName':'Jo'},'title':'Tester','" + Enterprise + "':{'employeeNumber':'9','department':'R&D'}}",
            "{'externalId':'E1','userName':'Jo@Contoso.com','active':true,'emails':[{'primary':true,'type':'work','value':'Jo@Contoso.com'}]," +
            "'name':{'familyName':'Doe','givenName':'Jo'},'title':'Tester','" + Enterprise + "':{'employeeNumber':'9','department':'R&D'}}"
        },
        {
            "An Okta create drops the empty groups list",
            "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'jo@example.com','name':{'givenName':'Jo','familyName':'Doe'}," +
            "'emails':[{'primary':true,'value':'jo@example.com','type':'work'}],'displayName':'Jo Doe','locale':'en-US','externalId':'00u1','groups':[],'active':true}",
            "{'userName':'jo@example.com','name':{'givenName':'Jo','familyName':'Doe'},'emails':[{'primary':true,'value':'jo@example.com','type':'work'}]," +
            "'displayName':'Jo Doe','locale':'en-US','externalId':'00u1','active':true}"
        },
        { "Names are matched in any case and written canonically",
            "{'USERNAME':'a','Name':{'GIVENNAME':'b'},'EMAILS':[{'VALUE':'x','Type':'work'}],'URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER':{'Department':'d'}}",
            "{'userName':'a','name':{'givenName':'b'},'emails':[{'value':'x','type':'work'}],'" + Enterprise + "':{'department':'d'}}" },
        { "Entra booleans sent as strings become booleans", "{'userName':'a','active':'False'}", "{'userName':'a','active':false}" },
        { "A boolean string in any case is accepted", "{'userName':'a','active':'TRUE','emails':[{'value':'x','primary':'true'}]}",
            "{'userName':'a','active':true,'emails':[{'value':'x','primary':true}]}" },
        { "A single object for a multi-valued attribute is a list of one", "{'userName':'a','emails':{'value':'x'}}", "{'userName':'a','emails':[{'value':'x'}]}" },
        { "Null means unassigned", "{'userName':'a','title':null,'name':{'givenName':null},'emails':[null]," + "'" + Enterprise + "':null}", "{'userName':'a'}" },
        { "Read-only attributes are ignored", "{'id':'x','userName':'a','meta':{'created':'2020'},'groups':[{'value':'g'}]}", "{'userName':'a'}" },
        { "An Entra manager sent as a bare id becomes a reference", "{'userName':'a','" + Enterprise + "':{'manager':'m1'}}",
            "{'userName':'a','" + Enterprise + "':{'manager':{'value':'m1'}}}" },
        { "The read-only manager displayName is ignored", "{'userName':'a','" + Enterprise + "':{'manager':{'value':'m1','displayName':'Boss'}}}",
            "{'userName':'a','" + Enterprise + "':{'manager':{'value':'m1'}}}" },
        { "A URN-qualified extension attribute is nested under its extension", "{'userName':'a','" + Enterprise + ":costCenter':'c'}",
            "{'userName':'a','" + Enterprise + "':{'costCenter':'c'}}" },
        { "A URN-qualified core attribute is accepted", "{'urn:ietf:params:scim:schemas:core:2.0:User:userName':'a'}", "{'userName':'a'}" },
        { "A body without schemas is accepted", "{'userName':'a'}", "{'userName':'a'}" },
        { "Empty lists and objects are unassigned", "{'userName':'a','emails':[],'name':{}}", "{'userName':'a'}" },
    };

    [Theory]
    [MemberData(nameof(AcceptedUsers))]
    public void AUserBodyIsNormalizedToStorageForm(string shape, string body, string expected)
    {
        Assert.NotEmpty(shape);
        JsonEqual(expected, User(body).Attributes);
    }

    public static TheoryData<string, string, string> RejectedBodies => new()
    {
        { "{'schemas':'urn:ietf:params:scim:schemas:core:2.0:User','userName':'a'}", ScimType.InvalidSyntax, "'schemas' must be an array" },
        { "{'schemas':['" + Enterprise + "'],'userName':'a'}", ScimType.InvalidSyntax, "must contain the User schema" },
        { "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','urn:example:x'],'userName':'a'}", ScimType.InvalidValue, "'urn:example:x'" },
        { "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'userName':'a'}", ScimType.InvalidValue, "neither the User schema" },
        { "{'userName':'a','foo':1}", ScimType.InvalidSyntax, "Unknown attribute 'foo' for a User." },
        { "{'userName':'a','urn:example:ext:2.0:User':{'x':1}}", ScimType.InvalidSyntax, "Unknown attribute 'urn:example:ext:2.0:User'" },
        { "{'userName':'a','" + Enterprise + "':{'shoeSize':1}}", ScimType.InvalidSyntax, "Unknown attribute '" + Enterprise + ":shoeSize'" },
        { "{'userName':'a','name':{'nick':'x'}}", ScimType.InvalidSyntax, "Unknown sub-attribute 'nick' of 'name'" },
        { "{'userName':'a','UserName':'b'}", ScimType.InvalidSyntax, "'userName' appears more than once" },
        { "{'userName':5}", ScimType.InvalidValue, "'userName' must be a string, not a number" },
        { "{'userName':'a','active':'yes'}", ScimType.InvalidValue, "'active' must be a boolean" },
        { "{'userName':'a','active':1}", ScimType.InvalidValue, "'active' must be a boolean" },
        { "{'userName':'a','name':'Jo Doe'}", ScimType.InvalidValue, "'name' must be an object" },
        { "{'userName':'a','emails':['jo@example.com']}", ScimType.InvalidValue, "'emails' must be an object" },
        { "{'userName':'a','emails':[[{'value':'x'}]]}", ScimType.InvalidValue, "'emails' must be an object" },
        { "{'userName':'a','name':{'givenName':{'first':'x'}}}", ScimType.InvalidValue, "'name.givenName' must be a string, not an object" },
        { "{'userName':'a','" + Enterprise + "':'Sales'}", ScimType.InvalidValue, "must be an object of extension attributes" },
        { "{'userName':'a','emails':[{'value':'x','primary':true},{'value':'y','primary':'True'}]}", ScimType.InvalidValue, "At most one value of 'emails'" },
        { "{'name':{'givenName':'Jo'}}", ScimType.InvalidValue, "A User needs a non-empty 'userName'." },
        { "{'userName':'  '}", ScimType.InvalidValue, "A User needs a non-empty 'userName'." },
        { "{'userName':'a','password':42}", ScimType.InvalidValue, "'password' must be a non-empty string" },
    };

    [Theory]
    [MemberData(nameof(RejectedBodies))]
    public void AnInvalidUserBodyIsRefusedWithAnActionableError(string body, string scimType, string detail) =>
        Error(scimType, detail, () => User(body));

    [Fact]
    public void ThePasswordIsTakenOutOfTheAttributes()
    {
        var user = User("{'userName':'a','password':'S3cret!'}");
        Assert.Equal("S3cret!", user.Password);
        JsonEqual("{'userName':'a'}", user.Attributes);
        Assert.Null(user.Members);
    }

    [Fact]
    public void AStringOver16KiBIsRefused() =>
        Error(ScimType.InvalidValue, "'title' is longer than 16 KiB", () => User("{'userName':'a','title':'" + new string('x', 16 * 1024 + 1) + "'}"));

    [Fact]
    public void AStringOf16KiBIsAccepted() =>
        Assert.Equal(16 * 1024, User("{'userName':'a','title':'" + new string('x', 16 * 1024) + "'}").Attributes["title"]!.GetValue<string>().Length);

    [Fact]
    public void MoreThan100ValuesOfAnAttributeAreRefused()
    {
        var emails = string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{'value':'u{i}@example.com'}}"));
        Error(ScimType.InvalidValue, "'emails' has 101 values", () => User("{'userName':'a','emails':[" + emails + "]}"));
    }

    [Fact]
    public void GroupMembersAreMovedOutOfTheAttributes()
    {
        var group = Group("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Sales'," +
            "'members':[{'value':'u1','display':'Jo'},{'value':'g1','type':'group'},{'value':'u1'}]}");
        JsonEqual("{'displayName':'Sales'}", group.Attributes);
        Assert.Equal([new MemberReference("u1", null), new MemberReference("g1", "Group")], group.Members);
    }

    [Fact]
    public void EntrasGroupCreateWithItsMicrosoftSchemaIsAccepted()
    {
        var group = Group("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group']," +
            "'externalId':'8aa1a0c0','displayName':'Sales','meta':{'resourceType':'Group'}}");
        JsonEqual("{'externalId':'8aa1a0c0','displayName':'Sales'}", group.Attributes);
    }

    [Theory]
    [InlineData("{'displayName':'Sales'}", null)]
    [InlineData("{'displayName':'Sales','members':[]}", 0)]
    [InlineData("{'displayName':'Sales','members':null}", 0)]
    [InlineData("{'displayName':'Sales','members':{'value':'u1'}}", 1)]
    public void AbsentMembersAreNullWhileEmptyMembersAreAnEmptyList(string body, int? count) =>
        Assert.Equal(count, Group(body).Members?.Count);

    [Theory]
    [InlineData("{'members':[]}", ScimType.InvalidValue, "A Group needs a non-empty 'displayName'.")]
    [InlineData("{'displayName':'Sales','members':[{'display':'Jo'}]}", ScimType.InvalidValue, "needs a \"value\"")]
    [InlineData("{'displayName':'Sales','members':[{'value':7}]}", ScimType.InvalidValue, "'members.value' must be the id")]
    [InlineData("{'displayName':'Sales','members':[{'value':'u1','type':'Device'}]}", ScimType.InvalidValue, "'members.type' must be \"User\" or \"Group\"")]
    [InlineData("{'displayName':'Sales','members':['u1']}", ScimType.InvalidValue, "must be an object")]
    [InlineData("{'displayName':'Sales','password':'x'}", ScimType.InvalidSyntax, "Unknown attribute 'password' for a Group.")]
    [InlineData("{'displayName':'Sales','" + Enterprise + "':{'department':'x'}}", ScimType.InvalidSyntax, "Unknown attribute")]
    public void AnInvalidGroupBodyIsRefusedWithAnActionableError(string body, string scimType, string detail) =>
        Error(scimType, detail, () => Group(body));
}
