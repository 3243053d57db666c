using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;

namespace Provisioning.ScimService.Internal;

internal static class DirectoryQueries
{
    public const int PageSize = 25;

    /// <summary>A search term as an ILIKE pattern (its own wildcards escaped), or "" for no search.</summary>
    public static string ContainsPattern(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? ""
            : "%" + search.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>
    /// Whether the group tables exist yet. The SCIM Groups migration lands separately from this
    /// read API; until it has run, a connection simply has no groups.
    /// </summary>
    public static async Task<bool> GroupTablesExistAsync(ScimDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<CountRow>(
            $"""SELECT CASE WHEN to_regclass('scim_groups') IS NULL OR to_regclass('scim_group_members') IS NULL THEN 0 ELSE 1 END AS value """)
            .ToListAsync(cancellationToken)).Single().Value == 1;

    public static async Task<int> CountAsync(ScimDbContext db, FormattableString sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<CountRow>(sql).ToListAsync(cancellationToken)).Single().Value;

    /// <summary>A page far past the end is simply empty, never an overflow.</summary>
    public static int Offset(int page) => (Math.Clamp(page, 1, 1_000_000) - 1) * PageSize;
}
