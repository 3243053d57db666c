namespace Provisioning.ScimService.Internal;

// Rows read with raw SQL, so this read API does not depend on the SCIM entities' classes.
// The context's snake_case naming convention applies to these types too: the SQL aliases
// its columns as the convention names the properties (LastModified → last_modified).

internal sealed class CountRow
{
    public int Value { get; init; }
}

internal sealed class UserSummaryRow
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string? DisplayName { get; init; }
    public string? Email { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset LastModified { get; init; }
}

internal sealed class UserRow
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string? DisplayName { get; init; }
    public string? ExternalId { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public string Attributes { get; init; } = "{}";
}

internal sealed class GroupRefRow
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
}

internal sealed class GroupSummaryRow
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
    public string? ExternalId { get; init; }
    public int MemberCount { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastModified { get; init; }
}

internal sealed class MemberRow
{
    public Guid Id { get; init; }
    public string Type { get; init; } = "";
    public string Display { get; init; } = "";
}
