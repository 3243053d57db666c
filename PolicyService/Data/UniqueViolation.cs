using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Provisioning.PolicyService.Data;

public static class UniqueViolation
{
    /// <summary>A save that a unique index refused: the database enforcing a limit two requests raced for.</summary>
    public static bool Caused(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
