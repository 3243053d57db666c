using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;
using Provisioning.PolicyService.OAuth;

namespace Provisioning.PolicyService.Credentials;

/// <summary>A connection's OAuth client: create (or rotate: the old one is revoked at once), read, delete.</summary>
public static class OAuthClientsApi
{
    public static void MapOAuthClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/connections/{connectionId:guid}/oauth-client", "OAuth clients", InternalCaller.AdminUi);
        group.MapGet("/", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/", DeleteAsync);
    }

    private static async Task<Results<Ok<OAuthClientDto>, NotFound>> GetAsync(
        Guid connectionId, PolicyDbContext db, CancellationToken cancellationToken) =>
        await db.OAuthClients.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConnectionId == connectionId && c.RevokedAt == null, cancellationToken) is { } client
            ? TypedResults.Ok(new OAuthClientDto(client.Id, client.ClientId, client.CreatedAt, client.LastUsedAt))
            : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedOAuthClientDto>, NotFound, ProblemHttpResult>> CreateAsync(
        Guid connectionId, PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        var replaced = await RevokeLiveAsync(db, connectionId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var (client, secret) = OAuthClient.Issue(connectionId, now);
        db.OAuthClients.Add(client);
        audit.Record(db, connection.OrganizationId, replaced.Count > 0 ? AuditActions.OAuthClientRotated : AuditActions.OAuthClientCreated,
            $"{connection.Realm.DisplayName()} OAuth client {client.ClientId}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Caused(e))
        {
            // Another create for this connection won the unique index between our revoke and insert.
            return TypedResults.Problem(
                "Another OAuth client was created for this connection at the same moment; it is the live one. Reload to see it, or create again to replace it.",
                statusCode: StatusCodes.Status409Conflict, title: "OAuth client created concurrently");
        }
        foreach (var old in replaced)
        {
            await cache.InvalidateAsync(SettingsKeys.OAuthClient(old.Id));
        }
        await cache.InvalidateAsync(SettingsKeys.OAuthClient(client.Id));
        return TypedResults.Created(
            $"/internal/connections/{connectionId}/oauth-client",
            new CreatedOAuthClientDto(client.Id, client.ClientId, secret, TokenEndpoint.TokenPath, client.CreatedAt));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid connectionId, PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var revoked = await RevokeLiveAsync(db, connectionId, clock.GetUtcNow(), cancellationToken);
        if (revoked.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var connection = await db.Connections.AsNoTracking().FirstAsync(c => c.Id == connectionId, cancellationToken);
        foreach (var old in revoked)
        {
            audit.Record(db, connection.OrganizationId, AuditActions.OAuthClientDeleted, $"{connection.Realm.DisplayName()} OAuth client {old.ClientId}");
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var old in revoked)
        {
            await cache.InvalidateAsync(SettingsKeys.OAuthClient(old.Id));
        }
        return TypedResults.NoContent();
    }

    /// <summary>Access tokens already issued to a revoked client stop working within the Gateway's cache bound.</summary>
    private static async Task<List<OAuthClient>> RevokeLiveAsync(PolicyDbContext db, Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.OAuthClients.Where(c => c.ConnectionId == connectionId && c.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var client in live)
        {
            client.RevokedAt = now;
        }
        return live;
    }
}
