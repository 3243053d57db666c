using System.ComponentModel.DataAnnotations;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// Per-client-address limits on the requests that cost the system work without proving who
/// sent them. Requests that succeed give their token back, so only failures count.
/// </summary>
public sealed class AddressLimitOptions
{
    public const string Section = "AddressLimits";

    /// <summary>SCIM requests with a missing, malformed, unknown or revoked credential.</summary>
    [Required]
    public AddressBucketOptions FailedScimCredentials { get; set; } = new() { Burst = 30, PerSecond = 10 };

    /// <summary>Refused requests to the OAuth token endpoint.</summary>
    [Required]
    public AddressBucketOptions FailedTokenRequests { get; set; } = new() { Burst = 20, PerSecond = 1 };

    /// <summary>Admin sign-ins that did not sign anyone in.</summary>
    [Required]
    public AddressBucketOptions FailedSignIns { get; set; } = new() { Burst = 20, PerSecond = 0.2 };

    /// <summary>How many addresses each limit remembers; beyond that, new addresses share one bucket.</summary>
    [Range(100, 10_000_000)]
    public int MaxAddresses { get; set; } = 100_000;
}

public sealed class AddressBucketOptions
{
    /// <summary>Data annotations do not descend into nested options; this checks each bucket.</summary>
    public static bool AreValid(AddressLimitOptions options) =>
        new[] { options.FailedScimCredentials, options.FailedTokenRequests, options.FailedSignIns }
            .All(bucket => System.ComponentModel.DataAnnotations.Validator.TryValidateObject(bucket, new(bucket), null, validateAllProperties: true));

    [Range(1, 100_000)]
    public int Burst { get; set; }

    [Range(0.001, 100_000)]
    public double PerSecond { get; set; }
}
