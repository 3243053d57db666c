using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService.Users;

/// <summary>
/// A SCIM user of one connection. <see cref="Attributes"/> keeps the resource as the client
/// sent it (jsonb, values verbatim, attribute names canonical); the columns beside it are
/// what IdPs filter and sort on.
/// </summary>
public sealed class ScimUser : IStoredResource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }
    public required string UserName { get; set; }

    /// <summary>userName folded to lower case: unique per connection and compared case-insensitively.</summary>
    public required string UserNameKey { get; set; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }
    public bool Active { get; set; } = true;
    public required string Attributes { get; set; }

    /// <summary>Every email value, lower-cased, so <c>emails[type eq "work"].value eq "x"</c> finds its rows by index.</summary>
    public string[] EmailValues { get; set; } = [];

    /// <summary>The declared string attributes, lower-cased, under a GIN index (see CustomValueIndex).</summary>
    public string CustomValues { get; set; } = "{}";

    public int Version { get; set; } = 1;
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; set; }
}
