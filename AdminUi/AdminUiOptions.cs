using System.ComponentModel.DataAnnotations;

namespace Provisioning.AdminUi;

public sealed class AdminUiOptions
{
    public const string Section = "AdminUi";

    [Required, MinLength(32)]
    public string InternalApiKey { get; set; } = "";

    /// <summary>Encrypts the Data Protection keys the replicas share through Redis (an Aspire parameter, a Kubernetes Secret).</summary>
    [Required, MinLength(32)]
    public string KeyRingProtectionKey { get; set; } = "";

    /// <summary>How long a signed-in admin stays signed in without using the UI; each request renews it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Where the Admin UI reaches the Gateway for "Test connection". The AppHost sets it; when it
    /// is empty the public address the page was reached on is used.
    /// </summary>
    public string? GatewayUrl { get; set; }
}
