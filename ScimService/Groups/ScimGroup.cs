using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService.Groups;

/// <summary>A SCIM group of one connection. Its members live in <see cref="GroupMember"/> rows, never in the JSON.</summary>
public sealed class ScimGroup : IStoredResource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }
    public required string DisplayName { get; set; }

    /// <summary>displayName folded to lower case: unique per connection (Entra requires it).</summary>
    public required string DisplayNameKey { get; set; }
    public string? ExternalId { get; set; }
    public required string Attributes { get; set; }

    /// <summary>The declared string attributes, lower-cased, under a GIN index (see CustomValueIndex).</summary>
    public string CustomValues { get; set; } = "{}";

    public int Version { get; set; } = 1;
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; set; }
}
