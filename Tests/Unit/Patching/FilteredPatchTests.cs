using Provisioning.ScimService.Protocol;
using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>Paths with a value filter, <c>emails[type eq "work"].value</c>, and the primary rule.
/// Filters are written with \' for an escaped quote inside a JSON string.</summary>
public sealed class FilteredPatchTests
{
    private const string Jo = "{'userName':'jo'," +
        "'emails':[{'value':'jo@work.example','type':'work','primary':true},{'value':'jo@home.example','type':'home'}]}";

    private static string Addresses(string elements) => "{'userName':'jo','addresses':[" + elements + "]}";

    public static TheoryData<string, string, string, string> Patches => new()
    {
        { "Entra's separate adds for one address type end up in one address", "{'userName':'jo'}",
            "[{'op':'Add','path':'addresses[type eq \\'work\\'].streetAddress','value':'1 Main St'}," +
            "{'op':'Add','path':'addresses[type eq \\'work\\'].locality','value':'Springfield'}," +
            "{'op':'Add','path':'addresses[type eq \\'work\\'].postalCode','value':'12345'}," +
            "{'op':'Add','path':'addresses[type eq \\'work\\'].country','value':'US'}]",
            Addresses("{'type':'work','streetAddress':'1 Main St','locality':'Springfield','postalCode':'12345','country':'US'}") },
        { "Entra's separate replaces for one address type end up in one address", "{'userName':'jo'}",
            "[{'op':'Replace','path':'addresses[type eq \\'work\\'].streetAddress','value':'1 Main St'}," +
            "{'op':'Replace','path':'addresses[type eq \\'work\\'].locality','value':'Springfield'}]",
            Addresses("{'type':'work','streetAddress':'1 Main St','locality':'Springfield'}") },
        { "A new address type is added beside the existing one", Addresses("{'type':'home','locality':'Shelbyville'}"),
            "[{'op':'Add','path':'addresses[type eq \\'work\\'].locality','value':'Springfield'}]",
            Addresses("{'type':'home','locality':'Shelbyville'},{'type':'work','locality':'Springfield'}") },
        { "Entra's add of the work email value replaces the existing work email", Jo,
            "[{'op':'Add','path':'emails[type eq \\'work\\'].value','value':'jo@new.example'}]", Jo.Replace("jo@work.example", "jo@new.example") },
        { "Entra replaces the work email value", Jo,
            "[{'op':'Replace','path':'emails[type eq \\'work\\'].value','value':'jo@new.example'}]", Jo.Replace("jo@work.example", "jo@new.example") },
        { "Filters compare a case-insensitive type in any case", Jo,
            "[{'op':'Replace','path':'emails[TYPE eq \\'WORK\\'].value','value':'jo@new.example'}]", Jo.Replace("jo@work.example", "jo@new.example") },
        { "A filter of several eq comparisons describes the value it creates", "{'userName':'jo'}",
            "[{'op':'Add','path':'phoneNumbers[type eq \\'mobile\\' and primary eq true].value','value':'+1 555'}]",
            "{'userName':'jo','phoneNumbers':[{'type':'mobile','primary':true,'value':'+1 555'}]}" },
        { "A filtered remove removes the matching values", Jo,
            "[{'op':'remove','path':'emails[type eq \\'home\\']'}]", Jo.Replace(",{'value':'jo@home.example','type':'home'}", "") },
        { "A filtered remove of a sub-attribute keeps the values", Jo,
            "[{'op':'remove','path':'emails[type eq \\'work\\'].primary'}]", Jo.Replace(",'primary':true", "") },
        { "A filtered add without a sub-attribute merges into the matching values", Jo,
            "[{'op':'add','path':'emails[type eq \\'home\\']','value':{'display':'Home'}}]", Jo.Replace("'type':'home'", "'type':'home','display':'Home'") },
        { "A filtered add without a sub-attribute creates a value when none matches", "{'userName':'jo'}",
            "[{'op':'add','path':'emails[type eq \\'work\\']','value':{'value':'jo@work.example'}}]", "{'userName':'jo','emails':[{'type':'work','value':'jo@work.example'}]}" },
        { "A filtered replace without a sub-attribute replaces the matching values", Addresses("{'type':'work','locality':'Old'}"),
            "[{'op':'replace','path':'addresses[type eq \\'work\\']','value':{'type':'work','streetAddress':'2 Oak Rd','locality':'New'}}]",
            Addresses("{'type':'work','streetAddress':'2 Oak Rd','locality':'New'}") },
        { "Removing the last matching value unassigns the attribute", "{'userName':'jo','emails':[{'value':'a','type':'work'}]}",
            "[{'op':'remove','path':'emails[value eq \\'a\\']'}]", "{'userName':'jo'}" },
        { "Adding a primary value takes primary from the others", Jo,
            "[{'op':'add','path':'emails','value':[{'value':'jo@new.example','type':'other','primary':true}]}]",
            Jo.Replace("'primary':true}", "'primary':false}").Replace("'home'}", "'home'},{'value':'jo@new.example','type':'other','primary':true}") },
        { "Making a value primary through a filter takes primary from the others", Jo,
            "[{'op':'Replace','path':'emails[type eq \\'home\\'].primary','value':'True'}]",
            Jo.Replace("'primary':true}", "'primary':false}").Replace("'type':'home'", "'type':'home','primary':true") },
        { "Replacing the whole list keeps the one primary it names", Jo,
            "[{'op':'replace','path':'emails','value':[{'value':'a','primary':true},{'value':'b'}]}]",
            "{'userName':'jo','emails':[{'value':'a','primary':true},{'value':'b'}]}" },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public void AFilteredOperationChangesTheMatchingValues(string shape, string stored, string operations, string expected)
    {
        Assert.NotEmpty(shape);
        JsonEqual(expected, User(stored, operations).Attributes);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "[{'op':'replace','path':'emails[type eq \\'other\\']','value':{'value':'x'}}]", ScimType.NoTarget, "No value of 'emails' matches" },
        { "[{'op':'remove','path':'emails[type eq \\'other\\']'}]", ScimType.NoTarget, "No value of 'emails' matches" },
        { "[{'op':'remove','path':'emails[type eq \\'other\\'].display'}]", ScimType.NoTarget, "No value of 'emails' matches" },
        { "[{'op':'add','path':'emails[value co \\'@x\\'].type','value':'work'}]", ScimType.NoTarget, "only from a filter of 'eq' comparisons" },
        { "[{'op':'add','path':'emails[type eq \\'a\\' or type eq \\'b\\'].value','value':'x'}]", ScimType.NoTarget, "only from a filter of 'eq' comparisons" },
        { "[{'op':'add','path':'emails[shoe eq \\'a\\'].value','value':'x'}]", ScimType.InvalidFilter, "'shoe' is not a sub-attribute of 'emails'" },
        { "[{'op':'add','path':'emails[type eq \\'a\\'].shoe','value':'x'}]", ScimType.InvalidPath, "'shoe' is not a sub-attribute of 'emails'" },
        { "[{'op':'add','path':'name[givenName eq \\'a\\']','value':{}}]", ScimType.InvalidPath, "follows a multi-valued complex attribute" },
        { "[{'op':'add','path':'emails[type eq \\'work\\'','value':'x'}]", ScimType.InvalidPath, "" },
        { "[{'op':'add','path':'emails','value':[{'value':'a','primary':true},{'value':'b','primary':true}]}]", ScimType.InvalidValue, "At most one value of 'emails'" },
        { "[{'op':'add','path':'emails[type eq \\'work\\'].primary','value':'maybe'}]", ScimType.InvalidValue, "must be a boolean" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AFilteredOperationThatCannotApplyIsRefused(string operations, string scimType, string detail) =>
        Error(scimType, detail, () => User(Jo, operations));
}
