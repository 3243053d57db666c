using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Log;

/// <summary>One log entry: the SCIM operation in short, the policy that decided, the request's actions, the outcome and the trace id.</summary>
public sealed class EntryModel(RealmsClient realms) : PageModel
{
    public ProvisioningLogEntryDetailDto? Detail { get; private set; }

    /// <summary>The request's own entry: what the identity provider sent, in short.</summary>
    public ProvisioningLogEntryDto? Change => Detail?.Request.FirstOrDefault(e => e.Action is "ScimChange" or "SettingsChange");

    /// <summary>The id is looked up only within the signed-in admin's organization: any other id is a 404.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Detail = await realms.GetLogEntryAsync(User.OrganizationIdOf(), id, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
