using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Devices;

/// <summary>The organization's device policies ("Standard", "Lost or stolen", …): list, create, rename.</summary>
public sealed class PoliciesModel(RealmsClient realms, PolicyServiceClient policyService) : PageModel
{
    [BindProperty, Display(Name = "New device policy")]
    public string? Name { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<DevicePolicyDto> Policies { get; private set; } = [];
    public IReadOnlyList<DeviceDto> Devices { get; private set; } = [];

    /// <summary>The policy whose rename was refused, to show its message beside it.</summary>
    public Guid? Renaming { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (created, refusal) = await realms.CreateDevicePolicyAsync(User.OrganizationIdOf(), Name ?? "", cancellationToken);
        if (created is null)
        {
            refusal?.AddTo(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["name"] = nameof(Name), [""] = nameof(Name) });
            await LoadAsync(cancellationToken);
            return Page();
        }
        var recorded = await policyService.RecordAuditAsync(created.OrganizationId, AuditActions.DevicePolicySaved, $"created '{created.Name}'", cancellationToken);
        Message = $"Device policy '{created.Name}' is created." + (recorded ? "" : " It could not be recorded in the audit log: PolicyService did not answer.");
        return Redirect("/devices/policies");
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid policyId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (renamed, refusal) = await realms.RenameDevicePolicyAsync(User.OrganizationIdOf(), policyId, NewName ?? "", cancellationToken);
        if (renamed is null)
        {
            if (refusal is null)
            {
                return NotFound();
            }
            Renaming = policyId;
            refusal.AddTo(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["name"] = nameof(NewName), [""] = nameof(NewName) });
            await LoadAsync(cancellationToken);
            return Page();
        }
        var recorded = await policyService.RecordAuditAsync(renamed.OrganizationId, AuditActions.DevicePolicySaved, $"renamed to '{renamed.Name}' ({renamed.Id})", cancellationToken);
        Message = $"The device policy is renamed to '{renamed.Name}'." + (recorded ? "" : " It could not be recorded in the audit log: PolicyService did not answer.");
        return Redirect("/devices/policies");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organizationId = User.OrganizationIdOf();
        Policies = await realms.GetDevicePoliciesAsync(organizationId, cancellationToken);
        Devices = await realms.GetDevicesAsync(organizationId, null, cancellationToken);
    }
}
