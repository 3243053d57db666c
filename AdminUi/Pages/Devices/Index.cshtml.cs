using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;
using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.Devices;

/// <summary>The MDM Portal's devices: who has them and under which device policy; add one.</summary>
public sealed class IndexModel(RealmsClient realms, PolicyServiceClient policyService) : PageModel
{
    [BindProperty]
    public DeviceForm Device { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<DeviceDto> Devices { get; private set; } = [];
    public IReadOnlyList<DevicePolicyDto> Policies { get; private set; } = [];
    public IReadOnlyList<AccountDto> Employees { get; private set; } = [];

    public string PolicyName(Guid id) => Policies.FirstOrDefault(p => p.Id == id)?.Name ?? "—";
    public AccountDto? Employee(Guid? id) => Employees.FirstOrDefault(e => e.Id == id);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.Clear();
        if (Device.DevicePolicyId is null)
        {
            ModelState.AddModelError("Device.DevicePolicyId", "Choose the device policy the device is under.");
            return Page();
        }
        var (created, refusal) = await realms.CreateDeviceAsync(User.OrganizationIdOf(),
            new CreateDeviceRequest(Device.Name ?? "", Device.Platform ?? "", Device.SerialNumber ?? "", Device.DevicePolicyId.Value, Device.MdmEmployeeId),
            cancellationToken);
        if (created is null)
        {
            (refusal ?? new ServiceRefusal(new Dictionary<string, string[]> { [""] = ["The device could not be added."] }))
                .AddTo(ModelState, DeviceForm.ServiceFields);
            return Page();
        }
        var recorded = await policyService.RecordAuditAsync(created.OrganizationId, AuditActions.DeviceSaved,
            $"added {created.Name} ({created.SerialNumber}), device policy {created.DevicePolicyId}", cancellationToken);
        Message = $"Device {created.Name} ({created.SerialNumber}) is added." + (recorded ? "" : " It could not be recorded in the audit log: PolicyService did not answer.");
        return Redirect("/devices");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organizationId = User.OrganizationIdOf();
        Devices = await realms.GetDevicesAsync(organizationId, null, cancellationToken);
        Policies = await realms.GetDevicePoliciesAsync(organizationId, cancellationToken);
        Employees = await realms.GetAccountsAsync(organizationId, Realm.MdmPortal, null, cancellationToken);
    }
}
