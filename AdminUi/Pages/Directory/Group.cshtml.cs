using Microsoft.AspNetCore.Mvc;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

public sealed class GroupModel(PolicyServiceClient policyService, DirectoryClient directory) : RealmConnectionPage(policyService)
{
    public DirectoryGroupDto? Group { get; private set; }

    /// <summary>The id is looked up only within the signed-in admin's own connection: any other id is a 404.</summary>
    public async Task<IActionResult> OnGetAsync(string realm, Guid id, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(realm, cancellationToken) || Connection is null)
        {
            return NotFound();
        }
        Group = await directory.GetGroupAsync(Connection.Id, id, cancellationToken);
        return Group is null ? NotFound() : Page();
    }
}
