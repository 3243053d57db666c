using System.ComponentModel.DataAnnotations;

namespace Provisioning.AdminUi;

public sealed class AdminUiOptions
{
    public const string Section = "AdminUi";

    [Required, MinLength(32)]
    public string InternalApiKey { get; set; } = "";

    /// <summary>The organization shown until admin sign-in arrives.</summary>
    [Required]
    public string OrganizationSlug { get; set; } = "demo";
}
