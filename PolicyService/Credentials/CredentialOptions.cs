using System.ComponentModel.DataAnnotations;

namespace Provisioning.PolicyService.Credentials;

public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>How often the last-used times gathered in memory are written to policydb, in one statement per table.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(15);
}
