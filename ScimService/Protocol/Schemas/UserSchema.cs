using static Provisioning.ScimService.Protocol.Schemas.CommonAttributes;

namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>The core User schema, RFC 7643 §4.1 and §8.7.1.</summary>
public static class UserSchema
{
    public static readonly SchemaDefinition Definition = new(ScimSchemas.User, "User", "User Account",
    [
        new("userName", Required: true, Uniqueness: Uniqueness.Server,
            Description: "Unique identifier for the User, typically used to authenticate. Unique per connection, compared case-insensitively."),
        new("name", AttributeType.Complex, Description: "The components of the user's real name.",
            SubAttributes:
            [
                new("formatted"), new("familyName"), new("givenName"), new("middleName"),
                new("honorificPrefix"), new("honorificSuffix"),
            ]),
        new("displayName", Description: "The name of the User, suitable for display to end-users."),
        new("nickName", Description: "The casual way to address the user."),
        new("profileUrl", AttributeType.Reference, ReferenceTypes: ["external"], Description: "A fully qualified URL pointing to a page representing the User's online profile."),
        new("title", Description: "The user's title, such as \"Vice President\"."),
        new("userType", Description: "Used to identify the relationship between the organization and the user."),
        new("preferredLanguage", Description: "Indicates the User's preferred written or spoken language."),
        new("locale", Description: "Used to indicate the User's default location for localization."),
        new("timezone", Description: "The User's time zone in the 'Olson' time zone database format."),
        new("active", AttributeType.Boolean, Description: "A Boolean value indicating the User's administrative status."),
        new("password", Mutability: Mutability.WriteOnly, Returned: Returned.Never,
            Description: "The User's cleartext password. Write-only: never returned, stored only as a hash."),
        MultiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
        MultiValued("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
        MultiValued("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
        MultiValued("photos", "URLs of photos of the User.", ["photo", "thumbnail"], AttributeType.Reference, valueCaseExact: true, referenceTypes: ["external"]),
        new("addresses", AttributeType.Complex, MultiValued: true, Description: "A physical mailing address for this User.",
            SubAttributes:
            [
                new("formatted"), new("streetAddress"), new("locality"), new("region"), new("postalCode"), new("country"),
                new("type", CanonicalValues: ["work", "home", "other"]),
                new("primary", AttributeType.Boolean),
            ]),
        new("groups", AttributeType.Complex, MultiValued: true, Mutability: Mutability.ReadOnly,
            Description: "A list of groups to which the user belongs, derived from group memberships.",
            SubAttributes:
            [
                new("value", Mutability: Mutability.ReadOnly),
                new("$ref", AttributeType.Reference, Mutability: Mutability.ReadOnly, ReferenceTypes: ["User", "Group"]),
                new("display", Mutability: Mutability.ReadOnly),
                new("type", Mutability: Mutability.ReadOnly, CanonicalValues: ["direct", "indirect"]),
            ]),
        MultiValued("entitlements", "A list of entitlements for the User.", []),
        MultiValued("roles", "A list of roles for the User.", []),
        MultiValued("x509Certificates", "A list of certificates issued to the User.", [], AttributeType.Binary, valueCaseExact: true),
    ]);
}
