using Provisioning.PolicyService.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Connections;

public static class ConnectionsApi
{
    public static void MapConnectionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/organizations/{organizationId:guid}/connections", "Connections", InternalCaller.AdminUi);
        group.MapGet("/", ListAsync);
        group.MapPut("/{realm}", PutAsync);

        var connection = app.MapInternalGroup("/connections/{connectionId:guid}", "Connections", InternalCaller.Operator);
        connection.MapPut("/rate-limit", PutRateLimitAsync);
        connection.MapDelete("/rate-limit", DeleteRateLimitAsync);
    }

    private static async Task<Results<Ok<ConnectionDto[]>, NotFound>> ListAsync(
        Guid organizationId, PolicyDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var connections = await db.Connections.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(connections.OrderBy(c => c.Realm).Select(c => c.ToDto()).ToArray());
    }

    /// <summary>Creates the realm's connection if it is missing, and sets whether it is enabled.</summary>
    private static async Task<Results<Ok<ConnectionDto>, NotFound, ValidationProblem>> PutAsync(
        Guid organizationId, string realm, UpdateConnectionRequest request,
        PolicyDbContext db, SettingsCache cache, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Realm>(realm, ignoreCase: true, out var parsedRealm) || !Enum.IsDefined(parsedRealm))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["realm"] = [$"Unknown realm '{realm}'. Use one of: {string.Join(", ", Enum.GetNames<Realm>())}."],
            });
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var connection = await db.Connections.FirstOrDefaultAsync(
            c => c.OrganizationId == organizationId && c.Realm == parsedRealm, cancellationToken);
        if (connection is null)
        {
            connection = new Connection { OrganizationId = organizationId, Realm = parsedRealm, CreatedAt = clock.GetUtcNow() };
            db.Connections.Add(connection);
        }
        if (db.Entry(connection).State == EntityState.Added || connection.Enabled != request.Enabled)
        {
            audit.Record(db, organizationId, request.Enabled ? AuditActions.ScimTurnedOn : AuditActions.ScimTurnedOff, parsedRealm.DisplayName());
        }
        connection.Enabled = request.Enabled;
        await db.SaveChangesAsync(cancellationToken);
        await CredentialChecksApi.InvalidateConnectionAsync(db, cache, connection.Id, cancellationToken);
        return TypedResults.Ok(connection.ToDto());
    }

    /// <summary>Gives the connection its own token bucket instead of the Gateway's default.</summary>
    private static async Task<Results<Ok<ConnectionDto>, NotFound, ValidationProblem>> PutRateLimitAsync(
        Guid connectionId, ConnectionRateLimit request, PolicyDbContext db, SettingsCache cache, AuditLog audit, CancellationToken cancellationToken)
    {
        if (request.RequestsPerSecond is < 1 or > 100_000 || request.Burst < request.RequestsPerSecond || request.Burst > 1_000_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["requestsPerSecond"] = ["Use 1 to 100000 requests per second, and a burst at least as large."],
            });
        }
        return await SetRateLimitAsync(connectionId, request, db, cache, audit, cancellationToken) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ConnectionDto>, NotFound>> DeleteRateLimitAsync(
        Guid connectionId, PolicyDbContext db, SettingsCache cache, AuditLog audit, CancellationToken cancellationToken) =>
        await SetRateLimitAsync(connectionId, null, db, cache, audit, cancellationToken) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();

    private static async Task<ConnectionDto?> SetRateLimitAsync(
        Guid connectionId, ConnectionRateLimit? limit, PolicyDbContext db, SettingsCache cache, AuditLog audit, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        connection.RateLimitRequestsPerSecond = limit?.RequestsPerSecond;
        connection.RateLimitBurst = limit?.Burst;
        audit.Record(db, connection.OrganizationId, AuditActions.RateLimitChanged, limit is null
            ? $"{connection.Realm.DisplayName()}: the Gateway's default"
            : $"{connection.Realm.DisplayName()}: {limit.RequestsPerSecond} requests per second, burst {limit.Burst}");
        await db.SaveChangesAsync(cancellationToken);
        await CredentialChecksApi.InvalidateConnectionAsync(db, cache, connection.Id, cancellationToken);
        return connection.ToDto();
    }

    public static ConnectionDto ToDto(this Connection c) => new(c.Id, c.OrganizationId, c.Realm, c.Enabled, c.CreatedAt, c.RateLimit);
}
