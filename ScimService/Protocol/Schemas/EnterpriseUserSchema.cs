namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>The enterprise User extension, RFC 7643 §4.3.</summary>
public static class EnterpriseUserSchema
{
    public static readonly SchemaDefinition Definition = new(ScimSchemas.EnterpriseUser, "EnterpriseUser", "Enterprise User",
    [
        new("employeeNumber", Description: "Numeric or alphanumeric identifier assigned to a person."),
        new("costCenter", Description: "Identifies the name of a cost center."),
        new("organization", Description: "Identifies the name of an organization."),
        new("division", Description: "Identifies the name of a division."),
        new("department", Description: "Identifies the name of a department."),
        new("manager", AttributeType.Complex, Description: "The User's manager.",
            SubAttributes:
            [
                new("value", Description: "The id of the SCIM resource representing the User's manager."),
                new("$ref", AttributeType.Reference, ReferenceTypes: ["User"]),
                new("displayName", Mutability: Mutability.ReadOnly),
            ]),
    ]);
}
