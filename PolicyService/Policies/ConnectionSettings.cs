using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.Policies;

/// <summary>A connection's policy and group→role mappings, read through the Redis cache as one entry.</summary>
public static class ConnectionSettings
{
    public static string CacheKey(Guid connectionId) => SettingsKeys.ConnectionSettings(connectionId);

    public static Task<ConnectionSettingsDto?> GetAsync(PolicyDbContext db, SettingsCache cache, Guid connectionId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(CacheKey(connectionId), ct => LoadAsync(db, connectionId, ct), cancellationToken);

    /// <summary>
    /// Saves a change to the policy or the mappings with the connection's settings version raised in
    /// the same transaction (in SQL, so two saves at once make two versions), then drops the cached copy.
    /// </summary>
    public static async Task SaveAsync(PolicyDbContext db, SettingsCache cache, Guid connectionId, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Connections.Where(c => c.Id == connectionId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.SettingsVersion, c => c.SettingsVersion + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await cache.InvalidateAsync(CacheKey(connectionId));
    }

    public static async Task<ConnectionSettingsDto?> LoadAsync(PolicyDbContext db, Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var policy = await db.ConnectionPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.ConnectionId == connectionId, cancellationToken);
        var mappings = await db.GroupRoleMappings.AsNoTracking()
            .Where(m => m.ConnectionId == connectionId)
            .OrderBy(m => m.GroupName).ThenBy(m => m.GroupId)
            .ToListAsync(cancellationToken);
        var declarations = await db.CustomAttributeDeclarations.AsNoTracking()
            .Where(d => d.ConnectionId == connectionId)
            .OrderBy(d => d.ResourceType).ThenBy(d => d.SchemaUrn).ThenBy(d => d.Name)
            .ToListAsync(cancellationToken);
        return new ConnectionSettingsDto(
            connection.Id,
            connection.OrganizationId,
            connection.Realm,
            policy?.ToDto() ?? PolicyDefaults.For(connection.Realm),
            mappings.Select(m => m.ToDto()).ToList(),
            declarations.Select(d => d.ToDto()).ToList(),
            connection.UndeclaredAttributes,
            connection.SettingsVersion);
    }
}
