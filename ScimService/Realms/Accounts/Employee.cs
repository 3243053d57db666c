using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Accounts;

/// <summary>An Enterprise Store employee.</summary>
public sealed class Employee : IRealmAccount
{
    public static Realm Realm => Realm.EnterpriseStore;
    public static string Noun => "employee";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Email { get; set; }
    public required string EmailKey { get; set; }
    public string? DisplayName { get; set; }
    public Guid? ScimUserId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
