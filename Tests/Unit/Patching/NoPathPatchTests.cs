using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>add and replace without a path: the value is a partial resource (Okta's usual shape).</summary>
public sealed class NoPathPatchTests
{
    private const string Jo = "{'userName':'jo','name':{'givenName':'Jo','familyName':'Doe'},'active':true," +
        "'emails':[{'value':'jo@work.example','type':'work','primary':true}],'" + Enterprise + "':{'department':'Sales'}}";

    public static TheoryData<string, string, string> Patches => new()
    {
        { "Okta deactivates a user", "[{'op':'replace','value':{'active':false}}]", Jo.Replace("'active':true", "'active':false") },
        { "Entra sends the boolean as a string", "[{'op':'Replace','value':{'active':'False'}}]", Jo.Replace("'active':true", "'active':false") },
        { "Keys name sub-attributes with a dot", "[{'op':'replace','value':{'name.givenName':'Joanna','NAME.middleName':'Q'}}]",
            Jo.Replace("'givenName':'Jo'", "'givenName':'Joanna','middleName':'Q'") },
        { "Keys name extension attributes with their URN", "[{'op':'replace','value':{'" + Enterprise + ":department':'R&D'}}]", Jo.Replace("'Sales'", "'R&D'") },
        { "An extension object replaces the attributes it names", "[{'op':'replace','value':{'" + Enterprise + "':{'costCenter':'C1','manager':'m1'}}}]",
            Jo.Replace("'department':'Sales'", "'department':'Sales','costCenter':'C1','manager':{'value':'m1'}") },
        { "A complex value keeps the sub-attributes it does not name", "[{'op':'replace','value':{'name':{'givenName':'Joanna'}}}]",
            Jo.Replace("'givenName':'Jo'", "'givenName':'Joanna'") },
        { "replace swaps a whole multi-valued attribute", "[{'op':'replace','value':{'emails':[{'value':'new@example.com','type':'work'}]}}]",
            Jo.Replace("{'value':'jo@work.example','type':'work','primary':true}", "{'value':'new@example.com','type':'work'}") },
        { "add merges into a multi-valued attribute", "[{'op':'add','value':{'emails':[{'value':'jo@work.example','type':'work','primary':true},{'value':'b@example.com'}]}}]",
            Jo.Replace("'primary':true}", "'primary':true},{'value':'b@example.com'}") },
        { "Read-only keys and schemas are ignored", "[{'op':'replace','value':{'schemas':['x'],'id':'other','meta':{'version':'W/1'},'groups':[{'value':'g'}],'title':'CTO'}}]",
            Jo.Replace("'active':true", "'active':true,'title':'CTO'") },
        { "A null value unassigns", "[{'op':'replace','value':{'name':null,'" + Enterprise + "':null}}]",
            "{'userName':'jo','active':true,'emails':[{'value':'jo@work.example','type':'work','primary':true}]}" },
        { "Several keys apply in one operation", "[{'op':'Add','value':{'displayName':'Jo Doe','nickName':'JD','externalId':'E1'}}]",
            Jo.Replace("'active':true", "'active':true,'displayName':'Jo Doe','nickName':'JD','externalId':'E1'") },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public void AnOperationWithoutPathAppliesEachKeyOfItsValue(string shape, string operations, string expected)
    {
        Assert.NotEmpty(shape);
        JsonEqual(expected, User(Jo, operations).Attributes);
    }

    [Fact]
    public void OktaSetsAPasswordThatNeverReachesTheAttributes()
    {
        var result = User(Jo, "[{'op':'replace','value':{'password':'N3w-secret'}}]");
        Assert.Equal("N3w-secret", result.Password);
        JsonEqual(Jo, result.Attributes);
        // Never stored, so the user is unchanged and keeps its version.
        Assert.False(result.AttributesChanged);
    }

    [Fact]
    public void APasswordPathSetsThePasswordToo() =>
        Assert.Equal("p", User(Jo, "[{'op':'Replace','path':'password','value':'p'}]").Password);

    [Fact]
    public void OktaRenamesAGroupWithItsIdInTheValue()
    {
        var result = Group("{'displayName':'Old'}", "[{'op':'replace','value':{'id':'abf4dd94','displayName':'New'}}]");
        JsonEqual("{'displayName':'New'}", result.Attributes);
        Assert.Empty(result.MembershipChanges);
        Assert.True(result.AttributesChanged);
    }
}
