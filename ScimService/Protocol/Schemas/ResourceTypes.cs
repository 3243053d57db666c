namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>The resource types this server serves, and every schema it knows.</summary>
public static class ResourceTypes
{
    public static readonly ResourceTypeDefinition User = new("User", "/Users", "User Account",
        UserSchema.Definition, [new SchemaExtension(EnterpriseUserSchema.Definition, Required: false)]);

    public static readonly ResourceTypeDefinition Group = new("Group", "/Groups", "Group", GroupSchema.Definition, []);

    public static readonly IReadOnlyList<ResourceTypeDefinition> All = [User, Group];

    public static readonly IReadOnlyList<SchemaDefinition> AllSchemas = [UserSchema.Definition, EnterpriseUserSchema.Definition, GroupSchema.Definition];
}
