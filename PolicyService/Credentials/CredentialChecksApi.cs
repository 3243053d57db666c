using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Credentials;

/// <summary>
/// Answers the Gateway: which connection does this static token (by lookup and hash) or this
/// OAuth client (by credential id) speak for? Both read through the Redis settings cache. A
/// disabled organization's credentials speak for nobody.
/// </summary>
public static class CredentialChecksApi
{
    public static void MapCredentialChecksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/credentials", "Credentials", InternalCaller.Gateway);
        group.MapPost("/check", CheckAsync);
        group.MapPost("/oauth-clients/check", CheckOAuthClientAsync);
    }

    public static string CacheKey(string lookup) => SettingsKeys.BearerTokens(lookup);

    private static async Task<Results<Ok<CredentialCheckResult>, NotFound>> CheckAsync(
        CredentialCheckRequest request, PolicyDbContext db, SettingsCache cache, CredentialUsage usage, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Lookup) || request.Lookup.Length > 16 || string.IsNullOrEmpty(request.Hash))
        {
            return TypedResults.NotFound();
        }
        var candidates = await cache.GetOrLoadAsync(
            CacheKey(request.Lookup), ct => LoadCandidatesAsync(db, request.Lookup, ct), cancellationToken);
        var presented = Encoding.ASCII.GetBytes(request.Hash);
        var now = clock.GetUtcNow();
        foreach (var candidate in candidates ?? [])
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(candidate.Hash))
                && candidate.RevokedAt is null
                && (candidate.ExpiresAt is null || candidate.ExpiresAt > now))
            {
                usage.RecordBearerToken(candidate.TokenId, now);
                return TypedResults.Ok(new CredentialCheckResult(
                    candidate.TokenId, candidate.OrganizationId, candidate.ConnectionId, candidate.Realm, candidate.ConnectionEnabled, candidate.RateLimit));
            }
        }
        return TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CredentialCheckResult>, NotFound>> CheckOAuthClientAsync(
        OAuthClientCheckRequest request, PolicyDbContext db, SettingsCache cache, CredentialUsage usage, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var client = await cache.GetOrLoadAsync(
            SettingsKeys.OAuthClient(request.ClientCredentialId),
            ct => LoadOAuthClientAsync(db, request.ClientCredentialId, ct),
            cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound();
        }
        usage.RecordOAuthClient(client.CredentialId, clock.GetUtcNow());
        return TypedResults.Ok(client);
    }

    /// <summary>The tokens that share the lookup, or null when none does (kept out of Redis).</summary>
    private static async Task<List<CredentialCandidate>?> LoadCandidatesAsync(PolicyDbContext db, string lookup, CancellationToken cancellationToken) =>
        await (from token in db.BearerTokens
         join connection in db.Connections on token.ConnectionId equals connection.Id
         join organization in db.Organizations on connection.OrganizationId equals organization.Id
         where token.Lookup == lookup && organization.DisabledAt == null
         select new CredentialCandidate(
             token.Id, token.Hash, token.ExpiresAt, token.RevokedAt,
             connection.OrganizationId, connection.Id, connection.Realm, connection.Enabled,
             connection.RateLimitRequestsPerSecond, connection.RateLimitBurst))
        .AsNoTracking()
        .ToListAsync(cancellationToken) is { Count: > 0 } candidates ? candidates : null;

    /// <summary>A live (not revoked) OAuth client and its connection, or null.</summary>
    private static Task<CredentialCheckResult?> LoadOAuthClientAsync(PolicyDbContext db, Guid clientCredentialId, CancellationToken cancellationToken) =>
        (from client in db.OAuthClients
         join connection in db.Connections on client.ConnectionId equals connection.Id
         join organization in db.Organizations on connection.OrganizationId equals organization.Id
         where client.Id == clientCredentialId && client.RevokedAt == null && organization.DisabledAt == null
         select new CredentialCheckResult(
             client.Id, connection.OrganizationId, connection.Id, connection.Realm, connection.Enabled,
             connection.RateLimitRequestsPerSecond != null && connection.RateLimitBurst != null
                 ? new ConnectionRateLimit(connection.RateLimitRequestsPerSecond.Value, connection.RateLimitBurst.Value)
                 : null))
        .AsNoTracking()
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Drops every cached credential of a connection, after its settings changed.</summary>
    public static async Task InvalidateConnectionAsync(PolicyDbContext db, SettingsCache cache, Guid connectionId, CancellationToken cancellationToken)
    {
        var lookups = await db.BearerTokens.Where(t => t.ConnectionId == connectionId).Select(t => t.Lookup).Distinct().ToListAsync(cancellationToken);
        foreach (var lookup in lookups)
        {
            await cache.InvalidateAsync(CacheKey(lookup));
        }
        var clients = await db.OAuthClients.Where(c => c.ConnectionId == connectionId).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var client in clients)
        {
            await cache.InvalidateAsync(SettingsKeys.OAuthClient(client));
        }
    }

    /// <summary>What the cache holds per lookup: the hash, never the secret.</summary>
    public sealed record CredentialCandidate(
        Guid TokenId,
        string Hash,
        DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt,
        Guid OrganizationId,
        Guid ConnectionId,
        Realm Realm,
        bool ConnectionEnabled,
        int? RateLimitRequestsPerSecond,
        int? RateLimitBurst)
    {
        public ConnectionRateLimit? RateLimit =>
            RateLimitRequestsPerSecond is { } perSecond && RateLimitBurst is { } burst ? new(perSecond, burst) : null;
    }
}
