using System.ComponentModel.DataAnnotations;

namespace Provisioning.AdminUi.Pages.Devices;

/// <summary>A device's fields as the create and edit forms post them.</summary>
public sealed class DeviceForm
{
    /// <summary>The API's field names → this form's, so the service's messages land beside the right field.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "Device.Name",
        ["platform"] = "Device.Platform",
        ["serialNumber"] = "Device.SerialNumber",
        ["devicePolicyId"] = "Device.DevicePolicyId",
        ["mdmEmployeeId"] = "Device.MdmEmployeeId",
    };

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Platform")]
    public string? Platform { get; set; }

    [Display(Name = "Serial number")]
    public string? SerialNumber { get; set; }

    [Display(Name = "Device policy")]
    public Guid? DevicePolicyId { get; set; }

    [Display(Name = "Assigned to")]
    public Guid? MdmEmployeeId { get; set; }
}
