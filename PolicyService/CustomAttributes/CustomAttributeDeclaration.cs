using Provisioning.Contracts;

namespace Provisioning.PolicyService.CustomAttributes;

/// <summary>A custom attribute an admin declared for a connection: ScimService then keeps, returns and filters it.</summary>
public sealed class CustomAttributeDeclaration
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }

    /// <summary>"User" or "Group".</summary>
    public required string ResourceType { get; init; }
    public required string SchemaUrn { get; init; }
    public required string Name { get; init; }
    public CustomAttributeType Type { get; set; }
    public bool MultiValued { get; set; }
    public bool CaseExact { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public CustomAttributeDto ToDto() => new(ResourceType, SchemaUrn, Name, Type, MultiValued, CaseExact);
}
