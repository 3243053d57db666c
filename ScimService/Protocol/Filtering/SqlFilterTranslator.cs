using Npgsql;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>A filter as an SQL boolean over the resource table aliased <c>r</c>, and its parameters.</summary>
public sealed record SqlFilter(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Turns filters and sortBy into PostgreSQL over scim_users / scim_groups (alias <c>r</c>), so
/// that filtering, sorting and paging happen in the database. Throws 400 invalidFilter for
/// filters the storage cannot answer, never an SQL error.
/// </summary>
public static class SqlFilterTranslator
{
    public static SqlFilter Translate(FilterNode filter, ResourceTypeDefinition type)
    {
        var parameters = new SqlParameters();
        var sql = new SqlFilterBuilder(type, parameters).Resource(filter);
        return new SqlFilter(sql, parameters.All);
    }

    /// <summary>An ORDER BY expression for sortBy (RFC 7644 §3.4.2.3). A multi-valued attribute
    /// sorts by its primary value, else its first. Throws 400 invalidPath for an unknown
    /// attribute, invalidValue for one that cannot be sorted by.</summary>
    public static string SortExpression(AttributePath path, ResourceTypeDefinition type) => SqlSortExpression.For(path, type);
}
