namespace Provisioning.ScimService.Groups;

/// <summary>A group a user belongs to, as the user's read-only <c>groups</c> attribute shows it.</summary>
public sealed record GroupReference(Guid Id, string DisplayName);
