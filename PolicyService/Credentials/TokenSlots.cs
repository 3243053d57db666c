using Microsoft.EntityFrameworkCore;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.Credentials;

/// <summary>
/// The two live tokens a connection may have are two numbered slots, and a unique index on
/// (connection, slot) lets PostgreSQL refuse a third even when creates run at the same moment.
/// A revoked token gives its slot up at once; an expired one when the next token is made.
/// </summary>
public static class TokenSlots
{
    private static readonly short[] All = Enumerable.Range(1, TokensApi.MaxActiveTokensPerConnection).Select(i => (short)i).ToArray();

    /// <summary>The slots free for a new token, after taking them back from tokens that have expired.</summary>
    public static async Task<List<short>> FreeAsync(PolicyDbContext db, Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.BearerTokens
            .Where(t => t.ConnectionId == connectionId && t.Slot != null && t.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Slot, (short?)null), cancellationToken);
        var taken = await db.BearerTokens
            .Where(t => t.ConnectionId == connectionId && t.Slot != null)
            .Select(t => t.Slot!.Value)
            .ToListAsync(cancellationToken);
        return All.Except(taken).ToList();
    }
}
