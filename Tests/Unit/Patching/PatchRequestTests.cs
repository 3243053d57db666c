using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.Patching.Patches;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>The PatchOp message itself: schemas, Operations, op.</summary>
public sealed class PatchRequestTests
{
    private static readonly JsonObject Stored = Json("{'userName':'jo'}");

    private static PatchResult Apply(string request) => PatchEngine.Apply(Json(request), Stored, ResourceTypes.User);

    [Theory]
    [InlineData("{'Operations':[{'op':'replace','path':'title','value':'CTO'}]}")]
    [InlineData("{'schemas':['" + PatchOp + "'],'operations':[{'OP':'Replace','PATH':'title','Value':'CTO'}]}")]
    [InlineData("{'schemas':['URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP'],'Operations':[{'op':'REPLACE','path':'title','value':'CTO'}]}")]
    [InlineData("{'Operations':[{'op':'replace','path':'','value':{'title':'CTO'}}]}")]
    public void TheRequestIsReadLeniently(string request) =>
        JsonEqual("{'userName':'jo','title':'CTO'}", Apply(request).Attributes);

    public static TheoryData<string, string> Malformed => new()
    {
        { "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'Operations':[{'op':'add','path':'title','value':'x'}]}", "The 'schemas' of a PATCH request must be" },
        { "{'schemas':['" + PatchOp + "','urn:example:other'],'Operations':[{'op':'add','path':'title','value':'x'}]}", "The 'schemas' of a PATCH request must be" },
        { "{'schemas':'" + PatchOp + "','Operations':[{'op':'add','path':'title','value':'x'}]}", "The 'schemas' of a PATCH request must be" },
        { "{'schemas':['" + PatchOp + "']}", "needs a non-empty 'Operations' array" },
        { "{'Operations':[]}", "needs a non-empty 'Operations' array" },
        { "{'Operations':{'op':'add','path':'title','value':'x'}}", "needs a non-empty 'Operations' array" },
        { "{'Operations':['add']}", "Operation 1 must be an object" },
        { "{'Operations':[{'op':'copy','path':'title','from':'x'}]}", "Operation 1 has op 'copy'; expected add, remove or replace." },
        { "{'Operations':[{'path':'title','value':'x'}]}", "Operation 1 has op missing" },
        { "{'Operations':[{'op':'add','path':'title'}]}", "Operation 1 (add) needs a 'value'." },
        { "{'Operations':[{'op':'replace','path':7,'value':'x'}]}", "'path' that is not a string" },
        { "{'Operations':[{'op':'replace','value':'CTO'}]}", "Without a 'path', 'value' must be an object" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void AMalformedRequestIsInvalidSyntax(string request, string detail) =>
        Error(ScimType.InvalidSyntax, detail, () => Apply(request));

    [Fact]
    public void AThousandOperationsAreAcceptedButNotMore()
    {
        string Operations(int count) => "[" + string.Join(",", Enumerable.Repeat("{'op':'replace','path':'title','value':'x'}", count)) + "]";
        Assert.Equal("x", User("{'userName':'jo'}", Operations(1000)).Attributes["title"]!.GetValue<string>());
        Error(ScimType.InvalidSyntax, "at most 1000", () => User("{'userName':'jo'}", Operations(1001)));
    }
}
