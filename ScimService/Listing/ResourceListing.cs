using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Listing;

public sealed record ResourcePage<T>(IReadOnlyList<T> Resources, int TotalResults, string? NextCursor);

/// <summary>
/// Runs a list query as SQL: the filter, sort and page all happen in PostgreSQL, scoped to the
/// connection. Nothing loads a connection's resources into memory to filter them.
/// </summary>
public static class ResourceListing
{
    public static Task<ResourcePage<T>> ListAsync<T>(
        DbContext db, string table, Guid connectionId, ListQuery query, ResourceTypeDefinition type, CancellationToken cancellationToken)
        where T : class =>
        ListAsync<T, T>(db, table, connectionId, query, type, rows => rows, row => IdOf(db, row), cancellationToken);

    /// <summary>
    /// A page in id order (no sortBy: an IdP's look-up, or paging), each row shaped by <paramref name="shape"/>
    /// in the page's own statement, e.g. a user with its groups. A shape with a collection makes EF wrap the
    /// page's SQL and order by the row's key; the id order is put back in memory either way.
    /// </summary>
    public static async Task<ResourcePage<TRow>> ListInIdOrderAsync<T, TRow>(
        DbContext db, string table, Guid connectionId, ListQuery query, ResourceTypeDefinition type,
        Func<IQueryable<T>, IQueryable<TRow>> shape, Func<TRow, Guid> idOf, CancellationToken cancellationToken)
        where T : class
    {
        if (query.SortBy is not null)
        {
            throw new InvalidOperationException("A shaped page keeps only the id order.");
        }
        return await ListAsync(db, table, connectionId, query, type, shape, idOf, cancellationToken);
    }

    private static async Task<ResourcePage<TRow>> ListAsync<T, TRow>(
        DbContext db, string table, Guid connectionId, ListQuery query, ResourceTypeDefinition type,
        Func<IQueryable<T>, IQueryable<TRow>> shape, Func<TRow, Guid> idOf, CancellationToken cancellationToken)
        where T : class
    {
        var where = new StringBuilder("r.connection_id = @connection");
        var parameters = new List<NpgsqlParameter> { new("connection", connectionId) };
        if (query.Filter is not null)
        {
            var filter = SqlFilterTranslator.Translate(query.Filter, type);
            where.Append(" AND (").Append(filter.Sql).Append(')');
            parameters.AddRange(filter.Parameters);
        }

        // The SQL text holds only our own fragments; every client value is a parameter.
        var filtered = where.ToString();
        if (query.Count == 0)
        {
            return new ResourcePage<TRow>([], await CountAsync(db, table, filtered, parameters, cancellationToken), null);
        }

        string order;
        int offset;
        var afterCursor = false;
        if (query.UsesCursor)
        {
            if (query.SortBy is not null)
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue, "Cursor paging walks resources in id order; leave out sortBy, or page with startIndex.");
            }
            if (Cursors.Decode(query.Cursor!) is { } after)
            {
                where.Append(" AND r.id > @after");
                parameters.Add(new NpgsqlParameter("after", after));
                afterCursor = true;
            }
            order = "r.id";
            offset = 0;
        }
        else
        {
            order = query.SortBy is null
                ? "r.id"
                : $"{SqlFilterTranslator.SortExpression(query.SortBy, type)} {(query.SortDescending ? "DESC" : "ASC")} NULLS LAST, r.id";
            offset = query.StartIndex - 1;
        }

        // One row more than asked tells whether a next cursor page exists.
        var limit = query.Count + (query.UsesCursor ? 1 : 0);
        var pageSql = $"SELECT r.* FROM {table} r WHERE {where} ORDER BY {order} LIMIT {limit} OFFSET {offset}";
        var rows = await shape(db.Set<T>()
            .FromSqlRaw(EscapeBraces(pageSql), Clone(parameters))
            .AsNoTracking())
            .ToListAsync(cancellationToken);
        if (query.SortBy is null)
        {
            // uuid order is the order of the ids' text; a no-op unless a shape's joins reordered the rows.
            rows = [.. rows.OrderBy(row => idOf(row).ToString(), StringComparer.Ordinal)];
        }
        var more = query.UsesCursor && rows.Count > query.Count;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        // A page that ends before it is full, and starts at the first match or holds some, says how many match:
        // an IdP's look-up by userName or externalId then costs one statement, not two.
        var total = rows.Count < query.Count && !more && !afterCursor && (rows.Count > 0 || offset == 0)
            ? offset + rows.Count
            : await CountAsync(db, table, filtered, parameters.Where(p => p.ParameterName != "after").ToList(), cancellationToken);
        return new ResourcePage<TRow>(rows, total, more ? Cursors.Encode(idOf(rows[^1])) : null);
    }

    private static async Task<int> CountAsync(DbContext db, string table, string where, List<NpgsqlParameter> parameters, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(EscapeBraces($"SELECT count(*)::int AS \"Value\" FROM {table} r WHERE {where}"), Clone(parameters)).SingleAsync(cancellationToken);

    /// <summary>EF reads {0} in raw SQL as a placeholder; ours are named parameters, so literal braces (jsonb '{}') are escaped.</summary>
    private static string EscapeBraces(string sql) => sql.Replace("{", "{{").Replace("}", "}}");

    private static Guid IdOf<T>(DbContext db, T entity) where T : class => (Guid)db.Entry(entity).Property("Id").CurrentValue!;

    // A parameter belongs to one command; the count and the page are two.
    private static object[] Clone(List<NpgsqlParameter> parameters) => parameters.Select(p => (object)p.Clone()).ToArray();
}
