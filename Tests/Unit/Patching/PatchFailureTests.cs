using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>Each kind of refusal, with a detail a person can act on, and all-or-nothing application.</summary>
public sealed class PatchFailureTests
{
    private const string Jo = "{'userName':'jo','emails':[{'value':'jo@work.example','type':'work'}],'" + Enterprise + "':{'manager':{'value':'m1'}}}";

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "[{'op':'replace','path':'shoeSize','value':'9'}]", ScimType.InvalidPath, "'shoeSize' is not an attribute of the User" },
        { "[{'op':'replace','path':'name.nick','value':'x'}]", ScimType.InvalidPath, "'nick' is not a sub-attribute of 'name'" },
        { "[{'op':'replace','path':'urn:example:ext:2.0:User:x','value':'x'}]", ScimType.InvalidPath, "'urn:example:ext:2.0:User' is not a schema" },
        { "[{'op':'replace','path':'name..givenName','value':'x'}]", ScimType.InvalidPath, "" },
        { "[{'op':'replace','value':{'shoeSize':9}}]", ScimType.InvalidPath, "Unknown attribute 'shoeSize' for a User." },
        { "[{'op':'replace','value':{'" + Enterprise + "':{'shoeSize':9}}}]", ScimType.InvalidPath, "Unknown attribute '" + Enterprise + ":shoeSize'" },
        { "[{'op':'remove'}]", ScimType.NoTarget, "remove needs a 'path'" },
        { "[{'op':'Remove','value':{'title':'x'}}]", ScimType.NoTarget, "remove needs a 'path'" },
        { "[{'op':'replace','path':'id','value':'other'}]", ScimType.Mutability, "'id' is read-only" },
        { "[{'op':'replace','path':'meta.lastModified','value':'2020-01-01T00:00:00Z'}]", ScimType.Mutability, "read-only" },
        { "[{'op':'add','path':'groups','value':[{'value':'g1'}]}]", ScimType.Mutability, "'groups' is read-only" },
        { "[{'op':'replace','path':'" + Enterprise + ":manager.displayName','value':'Boss'}]", ScimType.Mutability, "read-only" },
        { "[{'op':'replace','path':'schemas','value':['x']}]", ScimType.Mutability, "'schemas' is set by the server" },
        { "[{'op':'remove','path':'password'}]", ScimType.Mutability, "'password' cannot be removed" },
        { "[{'op':'replace','path':'active','value':'maybe'}]", ScimType.InvalidValue, "'active' must be a boolean" },
        { "[{'op':'replace','path':'name','value':'Jo Doe'}]", ScimType.InvalidValue, "'name' must be an object" },
        { "[{'op':'replace','path':'name.givenName','value':{'first':'Jo'}}]", ScimType.InvalidValue, "'name.givenName' must be a string" },
        { "[{'op':'replace','path':'password','value':''}]", ScimType.InvalidValue, "'password' must be a non-empty string" },
        { "[{'op':'remove','path':'userName'}]", ScimType.InvalidValue, "A User needs a non-empty 'userName'." },
        { "[{'op':'replace','value':{'userName':' '}}]", ScimType.InvalidValue, "A User needs a non-empty 'userName'." },
        { "[{'op':'replace','path':'title','value':'" + "xxxxxxxxxxxxxxxx" + "'}]", ScimType.InvalidValue, "longer than 16 KiB" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AnOperationThatCannotApplyIsRefusedWithTheMatchingScimType(string operations, string scimType, string detail) =>
        Error(scimType, detail, () => User(Jo, operations.Replace("xxxxxxxxxxxxxxxx", new string('x', 16 * 1024 + 1))));

    [Fact]
    public void TheDetailNamesTheFailingOperation() =>
        Error(ScimType.InvalidPath, "Operation 2 (replace shoeSize): ",
            () => User(Jo, "[{'op':'replace','path':'title','value':'CTO'},{'op':'replace','path':'shoeSize','value':'9'}]"));

    [Fact]
    public void MoreThan100EmailsAfterAnAddAreRefused()
    {
        var emails = string.Join(",", Enumerable.Range(0, 100).Select(i => $"{{'value':'u{i}@example.com'}}"));
        Error(ScimType.InvalidValue, "'emails' has 101 values", () => User(Jo, "[{'op':'add','path':'emails','value':[" + emails + "]}]"));
    }

    [Fact]
    public void AFailingThirdOperationLeavesTheStoredAttributesUnchanged()
    {
        var stored = Json(Jo);
        var before = stored.DeepClone();
        var request = Request("[{'op':'replace','path':'title','value':'CTO'}," +
            "{'op':'remove','path':'emails[type eq \\'work\\']'}," +
            "{'op':'replace','path':'active','value':'maybe'}]");
        Error(ScimType.InvalidValue, "Operation 3", () => PatchEngine.Apply(request, stored, ResourceTypes.User));
        JsonEqual(before, stored);
    }

    [Fact]
    public void ASuccessfulPatchLeavesTheStoredAttributesUnchangedToo()
    {
        var stored = Json(Jo);
        var before = stored.DeepClone();
        var result = PatchEngine.Apply(Request("[{'op':'remove','path':'emails'}]"), stored, ResourceTypes.User);
        JsonEqual(before, stored);
        Assert.Null(result.Attributes["emails"]);
    }

    private static readonly ResourceTypeDefinition Device = new("Device", "/Devices", "A type with an immutable attribute",
        new SchemaDefinition("urn:example:schemas:Device", "Device", "",
            [new("serialNumber", Mutability: Mutability.Immutable), new("label")]), []);

    [Theory]
    [InlineData("{'label':'a'}", "[{'op':'add','path':'serialNumber','value':'S1'}]", true)]
    [InlineData("{'serialNumber':'S1'}", "[{'op':'replace','path':'serialNumber','value':'S1'}]", true)]
    [InlineData("{'serialNumber':'S1'}", "[{'op':'replace','path':'serialNumber','value':'S2'}]", false)]
    [InlineData("{'serialNumber':'S1'}", "[{'op':'remove','path':'serialNumber'}]", false)]
    [InlineData("{'serialNumber':'S1'}", "[{'op':'replace','value':{'serialNumber':'S2'}}]", false)]
    public void AnImmutableAttributeIsSetOnceAndNeverChanged(string stored, string operations, bool accepted)
    {
        var apply = () => PatchEngine.Apply(Request(operations), Json(stored), Device);
        if (accepted)
        {
            apply();
        }
        else
        {
            Error(ScimType.Mutability, "'serialNumber' is immutable", () => apply());
        }
    }
}
