using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Credentials;

/// <summary>Answers the Gateway: which connection does the token with this lookup and hash belong to?</summary>
public static class CredentialChecksApi
{
    public static void MapCredentialChecksApi(this IEndpointRouteBuilder app) =>
        app.MapInternalGroup("/credentials", "Credentials").MapPost("/check", CheckAsync);

    public static string CacheKey(string lookup) => "policy:credentials:" + lookup;

    private static async Task<Results<Ok<CredentialCheckResult>, NotFound>> CheckAsync(
        CredentialCheckRequest request, PolicyDbContext db, SettingsCache cache, TimeProvider clock,
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
        foreach (var candidate in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(candidate.Hash))
                && candidate.RevokedAt is null
                && (candidate.ExpiresAt is null || candidate.ExpiresAt > now))
            {
                return TypedResults.Ok(new CredentialCheckResult(
                    candidate.TokenId, candidate.OrganizationId, candidate.ConnectionId, candidate.Realm, candidate.ConnectionEnabled));
            }
        }
        return TypedResults.NotFound();
    }

    private static Task<List<CredentialCandidate>> LoadCandidatesAsync(PolicyDbContext db, string lookup, CancellationToken cancellationToken) =>
        (from token in db.BearerTokens
         join connection in db.Connections on token.ConnectionId equals connection.Id
         where token.Lookup == lookup
         select new CredentialCandidate(
             token.Id, token.Hash, token.ExpiresAt, token.RevokedAt,
             connection.OrganizationId, connection.Id, connection.Realm, connection.Enabled))
        .AsNoTracking()
        .ToListAsync(cancellationToken);

    /// <summary>Drops every cached credential of a connection, after its enabled state changed.</summary>
    public static async Task InvalidateConnectionAsync(PolicyDbContext db, SettingsCache cache, Guid connectionId, CancellationToken cancellationToken)
    {
        var lookups = await db.BearerTokens.Where(t => t.ConnectionId == connectionId).Select(t => t.Lookup).Distinct().ToListAsync(cancellationToken);
        foreach (var lookup in lookups)
        {
            await cache.InvalidateAsync(CacheKey(lookup));
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
        bool ConnectionEnabled);
}
