using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Accounts;

/// <summary>
/// What employees, collaborators and MDM employees share: one account per email in an
/// organization, linked to the SCIM user that produced it (or to none: made by hand, or unlinked).
/// </summary>
public interface IRealmAccount
{
    static abstract Realm Realm { get; }

    /// <summary>How the provisioning log names this kind of account.</summary>
    static abstract string Noun { get; }

    Guid Id { get; }
    Guid OrganizationId { get; }
    string Email { get; set; }

    /// <summary>The email folded to lower case: unique per organization, how SCIM finds an account made by hand.</summary>
    string EmailKey { get; set; }
    string? DisplayName { get; set; }
    Guid? ScimUserId { get; set; }
    DateTimeOffset CreatedAt { get; }
}

public static class RealmAccounts
{
    public static void SetEmail(this IRealmAccount account, string email)
    {
        account.Email = email;
        account.EmailKey = email.ToLowerInvariant();
    }

    public static AccountDto ToDto<T>(this T account) where T : IRealmAccount => new(
        account.Id, account.OrganizationId, T.Realm, account.Email, account.DisplayName,
        (account as Collaborator)?.Role, account.ScimUserId, account.CreatedAt);
}
