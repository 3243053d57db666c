using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class UserModel(PolicyServiceClient policyService, DirectoryClient directory) : RealmConnectionPage(policyService)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public DirectoryUserDto? ScimUser { get; private set; }

    public string AttributesJson => ScimUser?.Attributes.ToJsonString(Indented) ?? "{}";

    /// <summary>The id is looked up only within the signed-in admin's own connection: any other id is a 404.</summary>
    public async Task<IActionResult> OnGetAsync(string realm, Guid id, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        ScimUser = await directory.GetUserAsync(Connection.Id, id, cancellationToken);
        return ScimUser is null ? NotFound() : Page();
    }
}
