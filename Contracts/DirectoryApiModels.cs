using System.Text.Json.Nodes;

namespace Provisioning.Contracts;

// The shapes of ScimService's internal read API, which the Admin UI's directory pages show.

public sealed record DirectoryCountsDto(int Users, int ActiveUsers, int Groups);

public sealed record DirectoryPage<T>(int TotalResults, int Page, int PageSize, IReadOnlyList<T> Items);

public sealed record DirectoryUserSummary(
    Guid Id, string UserName, string? DisplayName, string? Email, bool Active, DateTimeOffset LastModified);

public sealed record DirectoryGroupRef(Guid Id, string DisplayName);

public sealed record DirectoryUserDto(
    Guid Id,
    string UserName,
    string? DisplayName,
    string? ExternalId,
    bool Active,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    JsonObject Attributes,
    IReadOnlyList<DirectoryGroupRef> Groups);

public sealed record DirectoryGroupSummary(Guid Id, string DisplayName, string? ExternalId, int MemberCount, DateTimeOffset LastModified);

/// <summary>A member of a group: a user (shown by userName) or a nested group (by displayName).</summary>
public sealed record DirectoryMember(Guid Id, string Type, string Display);

public sealed record DirectoryGroupDto(
    Guid Id,
    string DisplayName,
    string? ExternalId,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    int MemberCount,
    IReadOnlyList<DirectoryMember> Members);
