namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>Attributes every resource has (RFC 7643 §3.1), and the shapes multi-valued attributes share.</summary>
public static class CommonAttributes
{
    public static readonly AttributeDefinition Id = new("id", CaseExact: true, Mutability: Mutability.ReadOnly,
        Returned: Returned.Always, Uniqueness: Uniqueness.Server, Description: "Unique identifier of the resource, issued by the service provider.");

    /// <summary>The URNs of the schemas a resource uses (RFC 7643 §3). Filters such as
    /// <c>schemas eq "urn:…:enterprise:2.0:User"</c> name it.</summary>
    public static readonly AttributeDefinition Schemas = new("schemas", AttributeType.Reference, MultiValued: true,
        Required: true, Returned: Returned.Always, ReferenceTypes: ["uri"], Description: "URIs of the schemas the resource uses.");

    public static readonly AttributeDefinition ExternalId = new("externalId", CaseExact: true,
        Description: "Identifier of the resource as defined by the provisioning client.");

    public static readonly AttributeDefinition Meta = new("meta", AttributeType.Complex, Mutability: Mutability.ReadOnly,
        Description: "Resource metadata.",
        SubAttributes:
        [
            new("resourceType", CaseExact: true, Mutability: Mutability.ReadOnly),
            new("created", AttributeType.DateTime, Mutability: Mutability.ReadOnly),
            new("lastModified", AttributeType.DateTime, Mutability: Mutability.ReadOnly),
            new("location", AttributeType.Reference, CaseExact: true, Mutability: Mutability.ReadOnly, ReferenceTypes: ["uri"]),
            new("version", CaseExact: true, Mutability: Mutability.ReadOnly),
        ]);

    /// <summary>value, display, type and primary: the sub-attributes of emails, phoneNumbers, ims, photos and the like.</summary>
    public static AttributeDefinition MultiValued(string name, string description, string[] canonicalTypes,
        AttributeType valueType = AttributeType.String, bool valueCaseExact = false, string[]? referenceTypes = null) =>
        new(name, AttributeType.Complex, MultiValued: true, Description: description,
            SubAttributes:
            [
                new("value", valueType, CaseExact: valueCaseExact, ReferenceTypes: referenceTypes),
                new("display"),
                new("type", CanonicalValues: canonicalTypes),
                new("primary", AttributeType.Boolean),
            ]);
}
