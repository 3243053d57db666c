using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Provisioning.AdminUi.Authentication;

/// <summary>
/// The Data Protection key ring that signs and encrypts the session cookie and antiforgery
/// tokens lives in Redis, so every replica reads what another wrote: an admin whose requests
/// land on another replica stays signed in, and a form rendered by one replica posts to another.
/// Each key is encrypted with <see cref="AdminUiOptions.KeyRingProtectionKey"/> before it is
/// stored, so Redis never holds one in clear.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "Provisioning.AdminUi";
    public const string RedisKey = "provisioning:admin-ui:data-protection-keys";

    public static void AddSharedKeyRing(this IHostApplicationBuilder builder)
    {
        // Redis is read when the ring is first needed and then about once a day: the ring stays in
        // memory, so a Redis outage does not sign anyone out, and it does not count towards health.
        builder.AddRedisClient("redis",
            settings => settings.DisableHealthChecks = true,
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 1000;
            });
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer, IOptions<AdminUiOptions>>((keys, redis, options) =>
            {
                keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKey);
                keys.XmlEncryptor = new KeyRingEncryptor(options.Value.KeyRingProtectionKey);
            });
    }
}
