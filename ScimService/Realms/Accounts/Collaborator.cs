using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Accounts;

/// <summary>A Dashboard collaborator; SCIM keeps the role in step with the mapped groups.</summary>
public sealed class Collaborator : IRealmAccount
{
    public static Realm Realm => Realm.Dashboard;
    public static string Noun => "collaborator";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Email { get; set; }
    public required string EmailKey { get; set; }
    public string? DisplayName { get; set; }
    public Guid? ScimUserId { get; set; }
    public CollaboratorRole Role { get; set; } = CollaboratorRole.Viewer;
    public DateTimeOffset CreatedAt { get; init; }
}
