using System.Text.Json.Serialization;

namespace Provisioning.Contracts;

// Custom attributes an admin declares for a connection: PolicyService keeps them with the
// connection's settings, ScimService validates, stores, filters and describes them.

/// <summary>The SCIM types a custom attribute can have (RFC 7643 §2.3), without complex, binary and reference.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomAttributeType>))]
public enum CustomAttributeType
{
    String,
    Boolean,
    Integer,
    Decimal,
    DateTime,
}

/// <summary>What ScimService does with an attribute nobody declared for the connection.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UndeclaredAttributePolicy>))]
public enum UndeclaredAttributePolicy
{
    /// <summary>Accepted and not kept; the provisioning log warns each time. One stray IdP mapping must not stop provisioning.</summary>
    Ignore,

    /// <summary>The request is refused with 400 invalidSyntax naming the attribute.</summary>
    Refuse,
}

/// <param name="ResourceType">"User" or "Group".</param>
/// <param name="SchemaUrn">The resource type's core schema (Okta's default namespace) or an extension URN.</param>
public sealed record CustomAttributeDto(
    string ResourceType,
    string SchemaUrn,
    string Name,
    CustomAttributeType Type,
    bool MultiValued = false,
    bool CaseExact = false);

public sealed record CustomAttributesDto(IReadOnlyList<CustomAttributeDto> Attributes, UndeclaredAttributePolicy Undeclared);

/// <summary>An attribute an IdP sent that the connection does not declare, as the provisioning log counted it.</summary>
public sealed record UndeclaredAttributeSeenDto(Guid ConnectionId, Realm Realm, string ResourceType, string Path, int Times, DateTimeOffset LastSeen);
