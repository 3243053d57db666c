namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>The core Group schema, RFC 7643 §4.2 and §8.7.1.</summary>
public static class GroupSchema
{
    public static readonly SchemaDefinition Definition = new(ScimSchemas.Group, "Group", "Group",
    [
        new("displayName", Required: true, Uniqueness: Uniqueness.Server,
            Description: "A human-readable name for the Group. Unique per connection, compared case-insensitively."),
        new("members", AttributeType.Complex, MultiValued: true, Description: "A list of members of the Group.",
            SubAttributes:
            [
                new("value", CaseExact: true, Mutability: Mutability.Immutable, Description: "Identifier of the member."),
                new("$ref", AttributeType.Reference, Mutability: Mutability.Immutable, ReferenceTypes: ["User", "Group"]),
                new("display", Mutability: Mutability.ReadOnly),
                new("type", Mutability: Mutability.Immutable, CanonicalValues: ["User", "Group"]),
            ]),
    ]);
}
