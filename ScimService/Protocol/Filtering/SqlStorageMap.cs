using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>A multi-valued attribute kept in scim_group_members rather than in the jsonb document.</summary>
internal sealed record SqlMembership(string Correlation, Func<AttributeDefinition, SqlOperand?> SubAttribute);

/// <summary>
/// Where each attribute lives in scim_users / scim_groups (alias <c>r</c>): the dedicated
/// columns IdPs filter and sort on, the jsonb document <c>r.attributes</c> (extensions under
/// their URN key) for everything else, and scim_group_members for members and groups.
/// </summary>
internal static class SqlStorageMap
{
    public const string Document = "r.attributes";

    /// <summary>A singular attribute or sub-attribute; null when it is not stored in a filterable form.</summary>
    public static SqlOperand? Singular(ResourceTypeDefinition type, ResolvedAttribute resolved)
    {
        if (resolved.IsCommon)
        {
            return Common(type, resolved);
        }
        var name = resolved.Attribute.Name;
        var core = ReferenceEquals(resolved.Schema, type.Schema);
        if (core && resolved.SubAttribute is null)
        {
            switch (type.Name, name)
            {
                case ("User", "userName"): return new("r.user_name_key", SqlStorage.LowerCaseText);
                case ("User", "displayName"): return new("r.display_name", SqlStorage.Text);
                case ("User", "active"): return new("r.active", SqlStorage.Boolean);
                // Only a hash is stored, and never in the document.
                case ("User", "password"): return null;
                case ("Group", "displayName"): return new("r.display_name_key", SqlStorage.LowerCaseText);
            }
        }
        return resolved.SubAttribute is { } sub
            ? SqlOperand.JsonProperty(AttributeJson(type, resolved), sub.Name)
            : SqlOperand.JsonProperty(SchemaJson(type, resolved), name);
    }

    /// <summary><c>r.attributes->'emails'</c>, <c>r.attributes->'urn:…:User'->'manager'</c>.</summary>
    public static string AttributeJson(ResourceTypeDefinition type, ResolvedAttribute resolved) =>
        $"{SchemaJson(type, resolved)}->{SqlOperand.Quote(resolved.Attribute.Name)}";

    /// <summary>Users' groups and groups' members live in scim_group_members (alias <c>m</c>).</summary>
    public static SqlMembership? Membership(ResourceTypeDefinition type, ResolvedAttribute resolved)
    {
        if (!ReferenceEquals(resolved.Schema, type.Schema))
        {
            return null;
        }
        return (type.Name, resolved.Attribute.Name) switch
        {
            ("Group", "members") => new SqlMembership("m.group_id = r.id AND m.connection_id = r.connection_id",
                sub => sub.Name switch
                {
                    "value" => new SqlOperand("m.member_id", SqlStorage.Uuid),
                    "type" => new SqlOperand("m.member_type", SqlStorage.Text),
                    _ => null,
                }),
            ("User", "groups") => new SqlMembership("m.member_id = r.id AND m.connection_id = r.connection_id",
                sub => sub.Name switch
                {
                    "value" => new SqlOperand("m.group_id", SqlStorage.Uuid),
                    // Memberships are direct; groups in groups are not expanded.
                    "type" => new SqlOperand("direct", SqlStorage.Constant),
                    _ => null,
                }),
            _ => null,
        };
    }

    private static SqlOperand? Common(ResourceTypeDefinition type, ResolvedAttribute resolved) =>
        (resolved.Attribute.Name, resolved.SubAttribute?.Name) switch
        {
            ("id", _) => new SqlOperand("r.id", SqlStorage.Uuid),
            ("externalId", _) => new SqlOperand("r.external_id", SqlStorage.Text),
            ("meta", "created") => new SqlOperand("r.created", SqlStorage.Timestamp),
            ("meta", "lastModified") => new SqlOperand("r.last_modified", SqlStorage.Timestamp),
            ("meta", "resourceType") => new SqlOperand(type.Name, SqlStorage.Constant),
            // Every resource has meta: "meta pr" holds; other comparisons on it are refused as complex.
            ("meta", null) => new SqlOperand("", SqlStorage.Constant),
            // meta.location and meta.version are computed at response time; schemas has its own rule.
            _ => null,
        };

    private static string SchemaJson(ResourceTypeDefinition type, ResolvedAttribute resolved) =>
        ReferenceEquals(resolved.Schema, type.Schema) ? Document : $"{Document}->{SqlOperand.Quote(resolved.Schema.Id)}";
}
