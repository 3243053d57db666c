using System.ComponentModel.DataAnnotations;

namespace Provisioning.PolicyService.Internal;

public sealed class InternalApiOptions
{
    public const string Section = "InternalApi";

    /// <summary>The key PolicyService presents to ScimService's internal API (the Aspire parameter policyservice-api-key).</summary>
    [Required, MinLength(32)]
    public string Key { get; set; } = "";
}
