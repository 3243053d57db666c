using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.Credentials;

/// <summary>
/// Remembers which credentials were used, and when last, so <c>lastUsedAt</c> can be written in
/// one statement per table every few seconds rather than one write per SCIM request.
/// </summary>
public sealed class CredentialUsage
{
    private ConcurrentDictionary<Guid, DateTimeOffset> _bearerTokens = new();
    private ConcurrentDictionary<Guid, DateTimeOffset> _oauthClients = new();

    public void RecordBearerToken(Guid tokenId, DateTimeOffset at) => Record(_bearerTokens, tokenId, at);

    public void RecordOAuthClient(Guid clientId, DateTimeOffset at) => Record(_oauthClients, clientId, at);

    /// <summary>Writes what was recorded since the last flush; a failed write is put back for the next one.</summary>
    public async Task FlushAsync(PolicyDbContext db, CancellationToken cancellationToken)
    {
        var tokens = Interlocked.Exchange(ref _bearerTokens, new());
        var clients = Interlocked.Exchange(ref _oauthClients, new());
        try
        {
            if (!tokens.IsEmpty)
            {
                var (ids, times) = Columns(tokens);
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE bearer_tokens AS t SET last_used_at = u.used_at
                    FROM unnest({ids}, {times}) AS u(id, used_at)
                    WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.used_at)
                    """, cancellationToken);
            }
            if (!clients.IsEmpty)
            {
                var (ids, times) = Columns(clients);
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE oauth_clients AS c SET last_used_at = u.used_at
                    FROM unnest({ids}, {times}) AS u(id, used_at)
                    WHERE c.id = u.id AND (c.last_used_at IS NULL OR c.last_used_at < u.used_at)
                    """, cancellationToken);
            }
        }
        catch
        {
            foreach (var (id, at) in tokens)
            {
                RecordBearerToken(id, at);
            }
            foreach (var (id, at) in clients)
            {
                RecordOAuthClient(id, at);
            }
            throw;
        }
    }

    private static void Record(ConcurrentDictionary<Guid, DateTimeOffset> used, Guid id, DateTimeOffset at) =>
        used.AddOrUpdate(id, at, (_, known) => known > at ? known : at);

    private static (Guid[] Ids, DateTimeOffset[] Times) Columns(ConcurrentDictionary<Guid, DateTimeOffset> used)
    {
        var snapshot = used.ToArray();
        return (snapshot.Select(u => u.Key).ToArray(), snapshot.Select(u => u.Value.ToUniversalTime()).ToArray());
    }
}

/// <summary>Flushes <see cref="CredentialUsage"/> on a timer, and once more when the service stops.</summary>
public sealed class CredentialUsageFlusher(
    CredentialUsage usage, IServiceScopeFactory scopes, IOptions<CredentialOptions> options, ILogger<CredentialUsageFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await usage.FlushAsync(scope.ServiceProvider.GetRequiredService<PolicyDbContext>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Last-used times are informative; a missed flush is retried with the next one.
            logger.LogWarning(e, "Could not record when credentials were last used.");
        }
    }
}
