using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Data;

public static class UniqueSaves
{
    /// <summary>
    /// Uniqueness is the database's job: a unique index violation of a SCIM resource becomes 409 uniqueness.
    /// The save also carries the provisioning run's account rows and log entries; their indexes are not the client's to break.
    /// </summary>
    public static async Task SaveUniqueAsync(this DbContext db, string attribute, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "scim_users" or "scim_groups" })
        {
            throw new ScimProtocolException(StatusCodes.Status409Conflict, ScimType.Uniqueness,
                $"Another resource of this connection already has this {attribute}.");
        }
    }
}
