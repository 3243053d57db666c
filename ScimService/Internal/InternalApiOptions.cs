using System.ComponentModel.DataAnnotations;

namespace Provisioning.ScimService.Internal;

public sealed class InternalApiOptions
{
    public const string Section = "InternalApi";

    /// <summary>The credential the Admin UI presents in the internal-key header (an Aspire parameter).</summary>
    [Required, MinLength(32)]
    public string Key { get; set; } = "";
}
