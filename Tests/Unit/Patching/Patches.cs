using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Schemas;
using static Provisioning.Tests.Unit.ScimAssert;

namespace Provisioning.Tests.Unit.Patching;

/// <summary>Builds PATCH requests from their operations, written with ' for ".</summary>
internal static class Patches
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static JsonObject Request(string operations) =>
        Json("{'schemas':['" + PatchOp + "'],'Operations':" + operations + "}");

    public static PatchResult User(string stored, string operations) =>
        PatchEngine.Apply(Request(operations), Json(stored), ResourceTypes.User);

    public static PatchResult Group(string stored, string operations) =>
        PatchEngine.Apply(Request(operations), Json(stored), ResourceTypes.Group);

    /// <summary>The changes as text, e.g. "add u1, g1 (Group) | remove u2", for one-line assertions.</summary>
    public static string Describe(IEnumerable<MembershipChange> changes) => string.Join(" | ", changes);
}
