using Microsoft.Extensions.Options;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>The per-address limits of the Gateway, one bucket table each, kept in this replica's memory.</summary>
public sealed class AddressLimits(IOptions<AddressLimitOptions> options, TimeProvider clock)
{
    public AddressBuckets FailedScimCredentials { get; } =
        new(options.Value.FailedScimCredentials, options.Value.MaxAddresses, clock);

    public AddressBuckets FailedTokenRequests { get; } =
        new(options.Value.FailedTokenRequests, options.Value.MaxAddresses, clock);

    public AddressBuckets FailedSignIns { get; } =
        new(options.Value.FailedSignIns, options.Value.MaxAddresses, clock);

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<AddressLimitOptions>()
            .BindConfiguration(AddressLimitOptions.Section)
            .ValidateDataAnnotations()
            .Validate(AddressBucketOptions.AreValid, "Each address limit needs a Burst of 1 to 100000 and a PerSecond above 0.")
            .ValidateOnStart();
        services.AddSingleton<AddressLimits>();
    }

    /// <summary>Whole seconds, at least one, as Retry-After wants them.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
