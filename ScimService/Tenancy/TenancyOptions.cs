using System.ComponentModel.DataAnnotations;

namespace Provisioning.ScimService.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>The key the Gateway signs tenant contexts with (an Aspire parameter).</summary>
    [Required, MinLength(32)]
    public string ContextSigningKey { get; set; } = "";
}
