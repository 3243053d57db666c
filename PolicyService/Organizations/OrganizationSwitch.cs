using Provisioning.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;

namespace Provisioning.PolicyService.Organizations;

/// <summary>
/// Switches an organization off or on. Off, the credential checks find none of its tokens or
/// OAuth clients (the Gateway answers 401) and its admins cannot sign in. Every cached credential
/// of its connections is dropped and published, so the Gateway feels it within its 3 s cache.
/// </summary>
public sealed class OrganizationSwitch(SettingsCache cache, AuditLog audit, TimeProvider clock)
{
    public async Task<Results<Ok<Contracts.OrganizationDto>, NotFound>> SetAsync(
        PolicyDbContext db, Guid organizationId, bool enabled, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }
        if (enabled != (organization.DisabledAt is null))
        {
            organization.DisabledAt = enabled ? null : clock.GetUtcNow();
            audit.Record(db, organization.Id, enabled ? AuditActions.OrganizationEnabled : AuditActions.OrganizationDisabled, organization.Slug);
            await db.SaveChangesAsync(cancellationToken);
        }
        var connections = await db.Connections.Where(c => c.OrganizationId == organizationId).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var connection in connections)
        {
            await CredentialChecksApi.InvalidateConnectionAsync(db, cache, connection, cancellationToken);
        }
        return TypedResults.Ok(organization.ToDto());
    }
}
