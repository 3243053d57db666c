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
/// Creates what is missing of the demo organization: the organization, a connection per realm
/// with the token the AppHost generated for it, the demo admin. It runs at every start of every
/// replica in Development only, and never touches what exists: a demo token the admin revoked
/// stays revoked, the admin's own tokens stay live, a changed password stays changed.
/// </summary>
public static class DevelopmentSeed
{
    public static async Task SeedDevelopmentDataAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (string.IsNullOrEmpty(options.OrganizationSlug) || !app.Environment.IsDevelopment())
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
            if (await db.Connections.AnyAsync(c => c.OrganizationId == organization.Id && c.Realm == realm))
            {
                continue; // its tokens are the admin's business from now on
            }
            var connection = new Connection { OrganizationId = organization.Id, Realm = realm, CreatedAt = now };
            db.Connections.Add(connection);
            if (options.Tokens.TryGetValue(realm, out var secret) && !string.IsNullOrEmpty(secret))
            {
                var (token, _) = BearerTokenIssuer.FromSecret(connection.Id, secret, expiresAt: null, now);
                token.Slot = 1; // a new connection: the first of its two token slots
                db.BearerTokens.Add(token);
                await cache.InvalidateAsync(CredentialChecksApi.CacheKey(token.Lookup));
            }
        }
        if (!string.IsNullOrEmpty(options.AdminEmail) && !string.IsNullOrEmpty(options.AdminPassword))
        {
            await EnsureAdminAsync(db, organization, options.AdminEmail, options.AdminPassword, now);
        }
    }

    /// <summary>The seed admin signs in with the password the AppHost generated for this data folder, until they change it.</summary>
    private static async Task EnsureAdminAsync(PolicyDbContext db, Organization organization, string email, string password, DateTimeOffset now)
    {
        if (await db.AdminAccounts.AnyAsync(a => a.Email == email))
        {
            return;
        }
        var admin = new AdminAccount { OrganizationId = organization.Id, Email = email, PasswordHash = "", CreatedAt = now };
        admin.PasswordHash = new PasswordHasher<AdminAccount>().HashPassword(admin, password);
        db.AdminAccounts.Add(admin);
    }
}
