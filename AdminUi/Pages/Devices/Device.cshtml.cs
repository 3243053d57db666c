using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Devices;

/// <summary>Edit a device, assign it to an MDM employee or unassign it. Another organization's device id is a 404.</summary>
public sealed class DeviceModel(RealmsClient realms, PolicyServiceClient policyService) : PageModel
{
    [BindProperty]
    public DeviceForm Device { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public DeviceDto? Existing { get; private set; }
    public IReadOnlyList<DevicePolicyDto> Policies { get; private set; } = [];
    public IReadOnlyList<AccountDto> Employees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Device = new DeviceForm
        {
            Name = Existing!.Name,
            Platform = Existing.Platform,
            SerialNumber = Existing.SerialNumber,
            DevicePolicyId = Existing.DevicePolicyId,
            MdmEmployeeId = Existing.MdmEmployeeId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (Device.DevicePolicyId is null)
        {
            ModelState.AddModelError("Device.DevicePolicyId", "Choose the device policy the device is under.");
            return Page();
        }
        var (updated, refusal) = await realms.UpdateDeviceAsync(User.OrganizationIdOf(), id,
            new UpdateDeviceRequest(Device.Name ?? "", Device.Platform ?? "", Device.SerialNumber ?? "", Device.DevicePolicyId.Value, Device.MdmEmployeeId),
            cancellationToken);
        if (updated is null)
        {
            if (refusal is null)
            {
                return NotFound();
            }
            refusal.AddTo(ModelState, DeviceForm.ServiceFields);
            return Page();
        }
        var assignee = Employees.FirstOrDefault(e => e.Id == updated.MdmEmployeeId)?.Email;
        var recorded = await policyService.RecordAuditAsync(updated.OrganizationId, AuditActions.DeviceSaved,
            $"{updated.Name} ({updated.SerialNumber}) {(assignee is null ? "unassigned" : $"assigned to {assignee}")}, device policy {updated.DevicePolicyId}", cancellationToken);
        Message = $"Device {updated.Name} is saved{(assignee is null ? ", unassigned" : $", assigned to {assignee}")}." + (recorded ? "" : " It could not be recorded in the audit log: PolicyService did not answer.");
        return Redirect("/devices");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organizationId = User.OrganizationIdOf();
        Existing = await realms.GetDeviceAsync(organizationId, id, cancellationToken);
        if (Existing is null)
        {
            return false;
        }
        Policies = await realms.GetDevicePoliciesAsync(organizationId, cancellationToken);
        Employees = await realms.GetAccountsAsync(organizationId, Realm.MdmPortal, null, cancellationToken);
        return true;
    }
}
