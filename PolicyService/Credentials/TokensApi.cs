using Provisioning.PolicyService.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Credentials;

public static class TokensApi
{
    /// <summary>Two live tokens let an admin put a new one in the IdP before revoking the old.</summary>
    public const int MaxActiveTokensPerConnection = 2;

    public static void MapTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/connections/{connectionId:guid}/tokens", "Tokens", InternalCaller.AdminUi);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{tokenId:guid}", RevokeAsync);
    }

    private static async Task<Results<Ok<TokenDto[]>, NotFound>> ListAsync(
        Guid connectionId, PolicyDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Connections.AnyAsync(c => c.Id == connectionId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var tokens = await db.BearerTokens.AsNoTracking()
            .Where(t => t.ConnectionId == connectionId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens.Select(t => new TokenDto(t.Id, t.Lookup, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToArray());
    }

    private static async Task<Results<Created<CreatedTokenDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid connectionId, CreateTokenRequest request, PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["expiresAt"] = ["The expiry must lie in the future."],
            });
        }
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }
        // A create that loses a slot to a concurrent one looks again; the unique index has the last word.
        for (var attempt = 0; attempt < MaxActiveTokensPerConnection; attempt++)
        {
            var free = await TokenSlots.FreeAsync(db, connectionId, now, cancellationToken);
            if (free.Count == 0)
            {
                break;
            }
            var (token, secret) = BearerTokenIssuer.Issue(connectionId, request.ExpiresAt, now);
            token.Slot = free[0];
            db.BearerTokens.Add(token);
            audit.Record(db, connection.OrganizationId, AuditActions.TokenCreated, $"{connection.Realm.DisplayName()} token {token.Lookup}…");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Caused(e))
            {
                db.ChangeTracker.Clear();
                continue;
            }
            await cache.InvalidateAsync(CredentialChecksApi.CacheKey(token.Lookup));
            return TypedResults.Created(
                $"/internal/connections/{connectionId}/tokens/{token.Id}",
                new CreatedTokenDto(token.Id, secret, token.Lookup, token.CreatedAt, token.ExpiresAt));
        }
        return TypedResults.Problem(
            $"This connection already has {MaxActiveTokensPerConnection} active tokens. Revoke one before creating another.",
            statusCode: StatusCodes.Status409Conflict, title: "Token limit reached");
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        Guid connectionId, Guid tokenId, PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var found = await db.BearerTokens
            .Where(t => t.Id == tokenId && t.ConnectionId == connectionId)
            .Join(db.Connections, t => t.ConnectionId, c => c.Id, (t, c) => new { Token = t, c.OrganizationId, c.Realm })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        var token = found.Token;
        if (token.RevokedAt is null)
        {
            token.Revoke(clock.GetUtcNow());
            audit.Record(db, found.OrganizationId, AuditActions.TokenRevoked, $"{found.Realm.DisplayName()} token {token.Lookup}…");
        }
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(CredentialChecksApi.CacheKey(token.Lookup));
        return TypedResults.NoContent();
    }
}
