using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>Operations with a path and no value filter, in the shapes Entra, Okta and RFC 7644 §3.5.2 use.</summary>
public sealed class PathPatchTests
{
    private const string Jo = "{'userName':'jo','name':{'givenName':'Jo','familyName':'Doe'},'active':true," +
        "'emails':[{'value':'jo@work.example','type':'work','primary':true},{'value':'jo@home.example','type':'home'}]," +
        "'" + Enterprise + "':{'department':'Sales','manager':{'value':'m1'}}}";

    private static string JoWith(string replace, string with) => Jo.Replace(replace, with);

    public static TheoryData<string, string, string, string> Patches => new()
    {
        { "Entra replaces a single-valued attribute", "{'userName':'jo'}",
            "[{'op':'Replace','path':'displayName','value':'Jo D'}]", "{'userName':'jo','displayName':'Jo D'}" },
        { "Entra disables a user with the string False", Jo,
            "[{'op':'Replace','path':'active','value':'False'}]", JoWith("'active':true", "'active':false") },
        { "A user is disabled with a JSON boolean", Jo,
            "[{'op':'replace','path':'active','value':false}]", JoWith("'active':true", "'active':false") },
        { "Entra replaces a sub-attribute", Jo,
            "[{'op':'Replace','path':'name.familyName','value':'Roe'}]", JoWith("'Doe'", "'Roe'") },
        { "Adding a sub-attribute creates its complex attribute", "{'userName':'jo'}",
            "[{'op':'Add','path':'name.givenName','value':'Jo'}]", "{'userName':'jo','name':{'givenName':'Jo'}}" },
        { "Replacing a complex attribute keeps the sub-attributes it does not name", Jo,
            "[{'op':'replace','path':'name','value':{'givenName':'Joanna'}}]", JoWith("'Jo','familyName'", "'Joanna','familyName'") },
        { "Paths and sub-attributes are matched in any case", Jo,
            "[{'op':'replace','path':'NAME.GIVENNAME','value':'Joanna'}]", JoWith("'Jo','familyName'", "'Joanna','familyName'") },
        { "Entra replaces the manager with a bare id", Jo,
            "[{'op':'Replace','path':'" + Enterprise + ":manager','value':'m2'}]", JoWith("'m1'", "'m2'") },
        { "Entra adds a manager to a user without the extension", "{'userName':'jo'}",
            "[{'op':'Add','path':'" + Enterprise + ":manager','value':'m1'}]", "{'userName':'jo','" + Enterprise + "':{'manager':{'value':'m1'}}}" },
        { "Entra removes the manager", Jo,
            "[{'op':'Remove','path':'" + Enterprise + ":manager'}]", JoWith(",'manager':{'value':'m1'}", "") },
        { "Removing the last extension attribute removes the extension", "{'userName':'jo','" + Enterprise + "':{'department':'Sales'}}",
            "[{'op':'Remove','path':'" + Enterprise + ":department'}]", "{'userName':'jo'}" },
        { "A URN-qualified extension attribute is replaced", Jo,
            "[{'op':'Replace','path':'" + Enterprise + ":department','value':'R&D'}]", JoWith("'Sales'", "'R&D'") },
        { "A URN-qualified core attribute is replaced", "{'userName':'jo'}",
            "[{'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:User:title','value':'CTO'}]", "{'userName':'jo','title':'CTO'}" },
        { "An extension attribute is found without its URN", Jo,
            "[{'op':'replace','path':'department','value':'R&D'}]", JoWith("'Sales'", "'R&D'") },
        { "A whole extension is added by its URN", "{'userName':'jo'}",
            "[{'op':'add','path':'" + Enterprise + "','value':{'Department':'R&D','manager':'m1'}}]",
            "{'userName':'jo','" + Enterprise + "':{'department':'R&D','manager':{'value':'m1'}}}" },
        { "A whole extension is removed by its URN", Jo,
            "[{'op':'remove','path':'" + Enterprise + "'}]", JoWith(",'" + Enterprise + "':{'department':'Sales','manager':{'value':'m1'}}", "") },
        { "A single-valued attribute is removed", Jo,
            "[{'op':'remove','path':'name.givenName'},{'op':'remove','path':'active'}]", JoWith("'givenName':'Jo',", "").Replace(",'active':true", "") },
        { "A null value unassigns", Jo,
            "[{'op':'replace','path':'name','value':null}]", JoWith("'name':{'givenName':'Jo','familyName':'Doe'},", "") },
        { "externalId is set with add", "{'userName':'jo'}",
            "[{'op':'Add','path':'externalId','value':'E-1'}]", "{'userName':'jo','externalId':'E-1'}" },
        { "Replacing a multi-valued attribute without a filter replaces the whole list", Jo,
            "[{'op':'replace','path':'emails','value':[{'value':'new@example.com','type':'other'}]}]",
            JoWith("{'value':'jo@work.example','type':'work','primary':true},{'value':'jo@home.example','type':'home'}", "{'value':'new@example.com','type':'other'}") },
        { "Adding to a multi-valued attribute keeps what is there and skips duplicates", Jo,
            "[{'op':'add','path':'emails','value':[{'value':'jo@home.example','type':'home'},{'value':'jo@other.example'}]}]",
            JoWith("'type':'home'}", "'type':'home'},{'value':'jo@other.example'}") },
        { "A single object added to a multi-valued attribute is one value", "{'userName':'jo'}",
            "[{'op':'add','path':'phoneNumbers','value':{'value':'+1 555','type':'work'}}]", "{'userName':'jo','phoneNumbers':[{'value':'+1 555','type':'work'}]}" },
        { "Entra adds an app role with primary as a string", "{'userName':'jo'}",
            "[{'op':'Add','path':'roles','value':[{'primary':'True','type':'WindowsAzureActiveDirectoryRole','value':'Admin'}]}]",
            "{'userName':'jo','roles':[{'primary':true,'type':'WindowsAzureActiveDirectoryRole','value':'Admin'}]}" },
        { "Values listed in a remove are removed by their value", Jo,
            "[{'op':'Remove','path':'emails','value':[{'value':'jo@home.example'}]}]", JoWith(",{'value':'jo@home.example','type':'home'}", "") },
        { "Removing every value of a multi-valued attribute unassigns it", Jo,
            "[{'op':'remove','path':'emails'}]", JoWith("'emails':[{'value':'jo@work.example','type':'work','primary':true},{'value':'jo@home.example','type':'home'}],", "") },
        { "Setting a sub-attribute of a multi-valued attribute without a filter sets it on every value", Jo,
            "[{'op':'replace','path':'emails.display','value':'Jo'}]", JoWith("'type':'work',", "'type':'work','display':'Jo',").Replace("'type':'home'", "'type':'home','display':'Jo'") },
        { "Removing a sub-attribute of a multi-valued attribute without a filter removes it from every value", Jo,
            "[{'op':'remove','path':'emails.type'}]", JoWith("'type':'work',", "").Replace(",'type':'home'", "") },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public void APathOperationChangesTheTargetedAttribute(string shape, string stored, string operations, string expected)
    {
        var result = User(stored, operations);
        Assert.NotEmpty(shape);
        JsonEqual(expected, result.Attributes);
        Assert.True(result.AttributesChanged);
        Assert.Null(result.Password);
        Assert.Empty(result.MembershipChanges);
    }

    [Theory]
    [InlineData("[{'op':'Replace','path':'active','value':'True'}]")]
    [InlineData("[{'op':'Replace','path':'name.givenName','value':'Jo'}]")]
    [InlineData("[{'op':'Replace','path':'" + Enterprise + ":manager','value':'m1'}]")]
    [InlineData("[{'op':'Add','path':'emails','value':[{'value':'jo@home.example','type':'home'}]}]")]
    [InlineData("[{'op':'Add','path':'emails[type eq \\'work\\'].value','value':'jo@work.example'}]")]
    [InlineData("[{'op':'remove','path':'title'}]")]
    [InlineData("[{'op':'Remove','path':'" + Enterprise + ":costCenter'}]")]
    public void ResendingWhatIsAlreadyStoredChangesNothing(string operations)
    {
        var result = User(Jo, operations);
        Assert.False(result.AttributesChanged);
        JsonEqual(Jo, result.Attributes);
    }
}
