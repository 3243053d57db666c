using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.PolicyService.Admins;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Connections;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Organizations;

namespace Provisioning.PolicyService.Seeding;

/// <summary>
/// Makes sure the demo organization exists with a connection per realm, each accepting the
/// token the AppHost generated for it. Idempotent: it runs at every start of every replica.
/// </summary>
public static class DevelopmentSeed
{
    public static async Task SeedDevelopmentDataAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (string.IsNullOrEmpty(options.OrganizationSlug))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        var cache = scope.ServiceProvider.GetRequiredService<SettingsCache>();
        // Replicas start together: one seeds, the others wait on the lock and then find it done.
        // The whole transaction is the unit the retrying execution strategy may repeat.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('provisioning:development-seed'))");
            await SeedAsync(db, cache, options, TimeProvider.System.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        app.Logger.LogInformation("Development seed ready for organization {Organization}.", options.OrganizationSlug);
    }

    private static async Task SeedAsync(PolicyDbContext db, SettingsCache cache, SeedOptions options, DateTimeOffset now)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == options.OrganizationSlug);
        if (organization is null)
        {
            organization = new Organization { Slug = options.OrganizationSlug!, Name = options.OrganizationName, CreatedAt = now };
            db.Organizations.Add(organization);
        }

        foreach (var realm in Enum.GetValues<Realm>())
        {
            var connection = await db.Connections.FirstOrDefaultAsync(c => c.OrganizationId == organization.Id && c.Realm == realm);
            if (connection is null)
            {
                connection = new Connection { OrganizationId = organization.Id, Realm = realm, CreatedAt = now };
                db.Connections.Add(connection);
            }
            if (options.Tokens.TryGetValue(realm, out var secret) && !string.IsNullOrEmpty(secret))
            {
                await EnsureTokenAsync(db, cache, connection, secret, now);
            }
        }
        if (!string.IsNullOrEmpty(options.AdminEmail) && !string.IsNullOrEmpty(options.AdminPassword))
        {
            await EnsureAdminAsync(db, organization, options.AdminEmail, options.AdminPassword, now);
        }
    }

    /// <summary>The seed admin signs in with the password the AppHost generated for this data folder.</summary>
    private static async Task EnsureAdminAsync(PolicyDbContext db, Organization organization, string email, string password, DateTimeOffset now)
    {
        var hasher = new PasswordHasher<AdminAccount>();
        var admin = await db.AdminAccounts.FirstOrDefaultAsync(a => a.Email == email);
        if (admin is null)
        {
            admin = new AdminAccount { OrganizationId = organization.Id, Email = email, PasswordHash = "", CreatedAt = now };
            db.AdminAccounts.Add(admin);
        }
        else if (hasher.VerifyHashedPassword(admin, admin.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            return;
        }
        admin.PasswordHash = hasher.HashPassword(admin, password);
    }

    private static async Task EnsureTokenAsync(PolicyDbContext db, SettingsCache cache, Connection connection, string secret, DateTimeOffset now)
    {
        var (token, _) = BearerTokenIssuer.FromSecret(connection.Id, secret, expiresAt: null, now);
        if (await db.BearerTokens.AnyAsync(t => t.Hash == token.Hash && t.RevokedAt == null))
        {
            return;
        }
        var active = await db.BearerTokens
            .Where(t => t.ConnectionId == connection.Id && t.RevokedAt == null)
            .OrderBy(t => t.CreatedAt)
            .ToListAsync();
        foreach (var old in active.Take(Math.Max(0, active.Count - TokensApi.MaxActiveTokensPerConnection + 1)))
        {
            old.RevokedAt = now;
            await cache.InvalidateAsync(CredentialChecksApi.CacheKey(old.Lookup));
        }
        db.BearerTokens.Add(token);
        await cache.InvalidateAsync(CredentialChecksApi.CacheKey(token.Lookup));
    }
}
