using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class UserModel(PolicyServiceClient policyService, DirectoryClient directory, RealmsClient realms) : RealmConnectionPage(policyService)
{
    private readonly PolicyServiceClient _policyService = policyService;

    public const int LogEntries = 10;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public DirectoryUserDto? ScimUser { get; private set; }

    /// <summary>The realm's account linked to this user (employee, collaborator with role, MDM employee), if any.</summary>
    public AccountDto? Account { get; private set; }

    public IReadOnlyList<DeviceDto> Devices { get; private set; } = [];
    public IReadOnlyList<DevicePolicyDto> DevicePolicies { get; private set; } = [];
    public ProvisioningLogPage? Log { get; private set; }

    /// <summary>The connection's declared attributes with this user's values (null when it has none).</summary>
    public IReadOnlyList<(CustomAttributeDto Declaration, string? Value)> CustomAttributes { get; private set; } = [];

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
        CustomAttributes = (await _policyService.GetCustomAttributesAsync(Connection.Id, cancellationToken)).Attributes
            .Where(d => d.ResourceType == "User")
            .Select(d => (d, ValueOf(ScimUser.Attributes, d)))
            .ToList();
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

    /// <summary>A declared attribute's stored value as text: at the top level (core) or under its extension's URN.</summary>
    private static string? ValueOf(System.Text.Json.Nodes.JsonObject attributes, CustomAttributeDto declaration)
    {
        var container = CustomAttributeRules.CoreUserSchema.Equals(declaration.SchemaUrn, StringComparison.OrdinalIgnoreCase)
            ? attributes
            : attributes.FirstOrDefault(p => p.Key.Equals(declaration.SchemaUrn, StringComparison.OrdinalIgnoreCase)).Value as System.Text.Json.Nodes.JsonObject;
        var value = container?.FirstOrDefault(p => p.Key.Equals(declaration.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return value switch
        {
            null => null,
            System.Text.Json.Nodes.JsonArray list => string.Join(", ", list.Select(v => v is System.Text.Json.Nodes.JsonValue s && s.TryGetValue(out string? t) ? t : v?.ToJsonString())),
            System.Text.Json.Nodes.JsonValue s when s.TryGetValue(out string? text) => text,
            _ => value.ToJsonString(),
        };
    }
}
