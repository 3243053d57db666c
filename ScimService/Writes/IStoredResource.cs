namespace Provisioning.ScimService.Writes;

/// <summary>A stored SCIM resource (a user or a group row) as a write opens it: by id within its connection, versioned for ETags.</summary>
public interface IStoredResource
{
    Guid Id { get; }
    Guid ConnectionId { get; }
    int Version { get; set; }
    DateTimeOffset LastModified { get; set; }
}
