namespace Provisioning.ScimService.Users;

/// <summary>
/// A SCIM user of one connection. <see cref="Attributes"/> keeps the resource as the client
/// sent it (jsonb, verbatim); the columns beside it are what IdPs filter and sort on.
/// </summary>
public sealed class ScimUser
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }
    public required string UserName { get; set; }

    /// <summary>userName folded to lower case: userName is unique and compared case-insensitively.</summary>
    public required string UserNameKey { get; set; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }
    public bool Active { get; set; } = true;
    public required string Attributes { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; set; }
}
