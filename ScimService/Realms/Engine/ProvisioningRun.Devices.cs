using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.ProvisioningLog;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms.Engine;

// The MDM Portal's actions on a deactivated user's devices.
public sealed partial class ProvisioningRun
{
    private async Task UnassignDevicesAsync(Step step, CancellationToken cancellationToken)
    {
        if (await LinkedAsync<MdmEmployee>(step.ScimUserId!.Value, cancellationToken) is not { } employee)
        {
            Log(step, LogActions.Nothing, "nothing — no MDM employee is linked to this user", LogOutcomes.Skipped);
            return;
        }
        await ReleaseDevicesAsync(step, employee, removeDevices: false, cancellationToken);
    }

    private async Task MoveDevicesAsync(Step step, Guid? devicePolicyId, CancellationToken cancellationToken)
    {
        var policy = devicePolicyId is null
            ? null
            : await db.DevicePolicies.FirstOrDefaultAsync(p => p.Id == devicePolicyId && p.OrganizationId == settings.OrganizationId, cancellationToken);
        if (policy is null)
        {
            // Settings are validated when saved; a policy removed since then must not block the IdP's change.
            Log(step, LogActions.DevicesMoved, $"devices not moved: device policy {devicePolicyId} does not exist in this organization", LogOutcomes.Failed);
            return;
        }
        if (await LinkedAsync<MdmEmployee>(step.ScimUserId!.Value, cancellationToken) is not { } employee)
        {
            Log(step, LogActions.Nothing, "nothing — no MDM employee is linked to this user", LogOutcomes.Skipped);
            return;
        }
        var moved = await db.Devices
            .Where(d => d.OrganizationId == settings.OrganizationId && d.MdmEmployeeId == employee.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.DevicePolicyId, policy.Id), cancellationToken);
        Log(step, LogActions.DevicesMoved, $"{Devices(moved)} of {employee.Email} moved to policy '{policy.Name}'",
            moved > 0 ? LogOutcomes.Succeeded : LogOutcomes.Skipped);
    }

    /// <summary>The employee's devices are removed, or stay in the organization without a user.</summary>
    private async Task ReleaseDevicesAsync(Step step, MdmEmployee employee, bool removeDevices, CancellationToken cancellationToken)
    {
        var devices = db.Devices.Where(d => d.OrganizationId == settings.OrganizationId && d.MdmEmployeeId == employee.Id);
        if (removeDevices)
        {
            var removed = await devices.ExecuteDeleteAsync(cancellationToken);
            Log(step, LogActions.DevicesRemoved, $"{Devices(removed)} of {employee.Email} removed", removed > 0 ? LogOutcomes.Succeeded : LogOutcomes.Skipped);
            return;
        }
        var unassigned = await devices.ExecuteUpdateAsync(set => set.SetProperty(d => d.MdmEmployeeId, (Guid?)null), cancellationToken);
        Log(step, LogActions.DevicesUnassigned, $"{Devices(unassigned)} of {employee.Email} unassigned", unassigned > 0 ? LogOutcomes.Succeeded : LogOutcomes.Skipped);
    }

    private static string Devices(int count) => count == 1 ? "1 device" : $"{count} devices";
}
