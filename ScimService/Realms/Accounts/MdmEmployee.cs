using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Accounts;

/// <summary>An MDM Portal employee: the user devices are assigned to.</summary>
public sealed class MdmEmployee : IRealmAccount
{
    public static Realm Realm => Realm.MdmPortal;
    public static string Noun => "MDM employee";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Email { get; set; }
    public required string EmailKey { get; set; }
    public string? DisplayName { get; set; }
    public Guid? ScimUserId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
