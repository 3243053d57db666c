using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Directory;

/// <summary>A directory page is about one realm's connection of the signed-in admin's own organization.</summary>
public abstract class RealmConnectionPage(PolicyServiceClient policyService) : PageModel
{
    public Realm Realm { get; private set; }

    /// <summary>Null when SCIM was never set up for the realm.</summary>
    public ConnectionDto? Connection { get; private set; }

    /// <summary>False when the realm in the URL is not one of ours.</summary>
    protected async Task<bool> ResolveAsync(string? realm, CancellationToken cancellationToken)
    {
        if (!RealmRoutes.TryParse(realm, out var parsed))
        {
            return false;
        }
        Realm = parsed;
        Connection = await policyService.FindConnectionAsync(User.OrganizationIdOf(), parsed, cancellationToken);
        return true;
    }
}
