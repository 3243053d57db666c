using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Reconciliation;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// What PolicyService's invalidation channel means here: the named connection's settings are
/// dropped from memory and its roles reconciled with the newer version. Redis is optional: while it
/// is away entries expire on their own, and once it is back everything is forgotten and every
/// settings version compared with PolicyService's (messages sent meanwhile are lost).
/// </summary>
public static class SettingsInvalidations
{
    public static void AddSettingsInvalidations(this IServiceCollection services) =>
        services.AddRedisChannelSubscriber(SettingsKeys.InvalidationChannel,
            provider =>
            {
                var cache = provider.GetRequiredService<ConnectionSettingsCache>();
                var reconciler = provider.GetRequiredService<SettingsReconciler>();
                return key =>
                {
                    if (key.StartsWith(SettingsKeys.ConnectionSettingsPrefix, StringComparison.Ordinal)
                        && Guid.TryParse(key.AsSpan(SettingsKeys.ConnectionSettingsPrefix.Length), out var connectionId))
                    {
                        cache.Invalidate(connectionId);
                        reconciler.Enqueue(connectionId);
                    }
                };
            },
            provider =>
            {
                var cache = provider.GetRequiredService<ConnectionSettingsCache>();
                var reconciler = provider.GetRequiredService<SettingsReconciler>();
                return () =>
                {
                    cache.Clear();
                    reconciler.RequestSweep();
                };
            });
}
