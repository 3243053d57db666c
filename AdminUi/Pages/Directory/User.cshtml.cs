using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class UserModel(PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realms) : RealmConnectionPage(policyService)
{
    public const int LogEntries = 10;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public DirectoryUserDto? ScimUser { get; private set; }

    /// <summary>The realm's account linked to this user (employee, collaborator with role, MDM employee), if any.</summary>
    public AccountDto? Account { get; private set; }

    public IReadOnlyList<DeviceDto> Devices { get; private set; } = [];
    public IReadOnlyList<DevicePolicyDto> DevicePolicies { get; private set; } = [];
    public ProvisioningLogPage? Log { get; private set; }

    public string AttributesJson => ScimUser?.Attributes.ToJsonString(Indented) ?? "{}";

    /// <summary>The id is looked up only within the signed-in admin's own connection: any other id is a 404.</summary>
    public async Task<IActionResult> OnGetAsync(string realm, Guid id, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        ScimUser = await directory.GetUserAsync(Connection.Id, id, cancellationToken);
        if (ScimUser is null)
        {
            return NotFound();
        }
        var organizationId = User.OrganizationIdOf();
        Account = (await realms.GetAccountsAsync(organizationId, Realm, ScimUser.Id, cancellationToken)).FirstOrDefault();
        if (Realm == Realm.MdmPortal && Account is not null)
        {
            Devices = await realms.GetDevicesAsync(organizationId, Account.Id, cancellationToken);
            DevicePolicies = await realms.GetDevicePoliciesAsync(organizationId, cancellationToken);
        }
        Log = await realms.GetLogAsync(organizationId, new LogQuery(Connection.Id, ScimUser.Id, null, null, null, null, 1, LogEntries), cancellationToken);
        return Page();
    }
}
