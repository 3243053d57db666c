using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>The examples of RFC 7644 §3.5.2, as written there.</summary>
public sealed class Rfc7644ExampleTests
{
    private const string Babs = "2819c223-7f76-453a-919d-413861904646";
    private const string Mandy = "902c246b-6245-4190-8e05-00816be7344a";

    private const string User = "{'userName':'bjensen','emails':[{'value':'bjensen@example.com','type':'work','primary':true}]," +
        "'addresses':[{'type':'work','streetAddress':'100 Universal City Plaza','locality':'Hollywood','region':'CA','postalCode':'91608','country':'USA','primary':true}]}";

    [Fact]
    public void AddingAMemberToAGroup() => Assert.Equal("add " + Babs, Describe(Group("{'displayName':'Tour Guides'}",
        "[{'op':'add','path':'members','value':[{'display':'Babs Jensen','$ref':'https://example.com/v2/Users/" + Babs + "','value':'" + Babs + "'}]}]").MembershipChanges));

    [Fact]
    public void AddingWithoutAPathMergesTheValue() => JsonEqual(
        User.Replace("'primary':true}],'addresses'", "'primary':true},{'value':'babs@jensen.org','type':'home'}],'addresses'").Replace("'userName':'bjensen'", "'userName':'bjensen','nickName':'Babs'"),
        Patches.User(User, "[{'op':'add','value':{'emails':[{'value':'babs@jensen.org','type':'home'}],'nickname':'Babs'}}]").Attributes);

    [Fact]
    public void RemovingASingleMember() => Assert.Equal("remove " + Babs, Describe(Group("{'displayName':'Tour Guides'}",
        "[{'op':'remove','path':'members[value eq \\'" + Babs + "\\']'}]").MembershipChanges));

    [Fact]
    public void RemovingAllMembers() => Assert.Equal("remove all", Describe(Group("{'displayName':'Tour Guides'}",
        "[{'op':'remove','path':'members'}]").MembershipChanges));

    [Fact]
    public void RemovingValuesThatMatchAComplexFilter() => JsonEqual(
        User.Replace("'emails':[{'value':'bjensen@example.com','type':'work','primary':true}],", ""),
        Patches.User(User, "[{'op':'remove','path':'emails[type eq \\'work\\' and value ew \\'example.com\\']'}]").Attributes);

    [Fact]
    public void RemovingAllMembersThenAddingSomeIsAReplaceInTwoSteps() => Assert.Equal($"remove all | add {Babs}, {Mandy}", Describe(Group("{'displayName':'Tour Guides'}",
        "[{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'display':'Babs Jensen','value':'" + Babs + "'},{'display':'Mandy Pepperidge','value':'" + Mandy + "'}]}]").MembershipChanges));

    [Fact]
    public void ReplacingAllMembers() => Assert.Equal($"replace with {Babs}, {Mandy}", Describe(Group("{'displayName':'Tour Guides'}",
        "[{'op':'replace','path':'members','value':[{'display':'Babs Jensen','value':'" + Babs + "'},{'display':'Mandy Pepperidge','value':'" + Mandy + "'}]}]").MembershipChanges));

    private const string Formatted = "'formatted':'911 Universal City Plaza\\nHollywood, CA 91608 USA'";

    [Fact]
    public void ReplacingAFilteredValue() => JsonEqual(
        User.Replace("'100 Universal City Plaza'", "'911 Universal City Plaza'," + Formatted),
        Patches.User(User, "[{'op':'replace','path':'addresses[type eq \\'work\\']','value':{'type':'work','streetAddress':'911 Universal City Plaza'," +
            "'locality':'Hollywood','region':'CA','postalCode':'91608','country':'USA'," + Formatted + ",'primary':true}}]").Attributes);

    [Fact]
    public void ReplacingASubAttributeOfAFilteredValue() => JsonEqual(
        User.Replace("'100 Universal City Plaza'", "'1010 Broadway Ave'"),
        Patches.User(User, "[{'op':'replace','path':'addresses[type eq \\'work\\'].streetAddress','value':'1010 Broadway Ave'}]").Attributes);

    [Fact]
    public void ReplacingWithoutAPath() => JsonEqual(
        User.Replace("'primary':true}],'addresses'", "'primary':true},{'value':'babs@jensen.org','type':'home'}],'addresses'").Replace("'userName':'bjensen'", "'userName':'bjensen','nickName':'Babs'"),
        Patches.User(User, "[{'op':'replace','value':{'emails':[{'value':'bjensen@example.com','type':'work','primary':true},{'value':'babs@jensen.org','type':'home'}],'nickname':'Babs'}}]").Attributes);
}
