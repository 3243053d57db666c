using Microsoft.EntityFrameworkCore;

namespace Provisioning.ScimService.Internal;

internal static class DirectoryQueries
{
    public const int PageSize = 25;

    /// <summary>A search term as an ILIKE pattern (its own wildcards escaped), or "" for no search.</summary>
    public static string ContainsPattern(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? ""
            : "%" + search.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    public static async Task<int> CountAsync(ScimDbContext db, FormattableString sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<CountRow>(sql).ToListAsync(cancellationToken)).Single().Value;

    /// <summary>A page far past the end is simply empty, never an overflow.</summary>
    public static int Offset(int page) => (Math.Clamp(page, 1, 1_000_000) - 1) * PageSize;
}
