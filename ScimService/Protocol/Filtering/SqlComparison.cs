using NpgsqlTypes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// One comparison (<c>attr op value</c>) as an SQL boolean, given where the value is stored.
/// Client values always travel as parameters. A missing value makes eq and the ordering
/// operators false and ne true, as in the in-memory evaluator.
/// </summary>
internal static class SqlComparison
{
    public static string Build(ComparisonFilter comparison, SqlOperand operand, AttributeDefinition attribute, SqlParameters parameters)
    {
        FilterValues.CheckOperator(comparison, attribute);
        if (comparison.Operator == ComparisonOperator.Pr)
        {
            return Present(operand);
        }
        return operand.Storage switch
        {
            SqlStorage.Constant => FilterValues.CompareText(operand.Sql, comparison.Operator, FilterValues.Text(comparison), attribute.CaseExact)
                ? "TRUE" : "FALSE",
            SqlStorage.Boolean => $"{operand.Sql} {Equality(comparison.Operator)} {(FilterValues.Boolean(comparison) ? "TRUE" : "FALSE")}",
            // meta.created and meta.lastModified are shown to the millisecond (Meta.Timestamp) and kept to the
            // microsecond: compared as shown, the value a client was given matches eq and le, and gt leaves it out.
            SqlStorage.Timestamp => $"date_trunc('milliseconds', {operand.Sql}) {Sign(comparison.Operator)} {InstantParameter(comparison, parameters)}",
            SqlStorage.Uuid => Uuid(comparison, operand, parameters),
            _ => attribute.Type switch
            {
                // Entra stores and sends booleans as "True"/"False"; ->> renders a JSON boolean as true/false.
                AttributeType.Boolean => $"lower({operand.Sql}) {Equality(comparison.Operator)} '{(FilterValues.Boolean(comparison) ? "true" : "false")}'",
                AttributeType.Integer or AttributeType.Decimal =>
                    $"(CASE WHEN jsonb_typeof({operand.Json}) = 'number' THEN ({operand.Sql})::numeric END) {Sign(comparison.Operator)} "
                    + parameters.Add(FilterValues.Number(comparison), NpgsqlDbType.Numeric),
                AttributeType.DateTime => DocumentDateTime(comparison, operand, parameters),
                _ => Text(comparison, operand, attribute.CaseExact, parameters),
            },
        };
    }

    /// <summary>pr: present, not null, not an empty string, array or object.</summary>
    public static string Present(SqlOperand operand) => operand.Storage switch
    {
        SqlStorage.Json => $"({operand.Json} IS NOT NULL AND {operand.Json} NOT IN ('null'::jsonb, '\"\"'::jsonb, '[]'::jsonb, '{{}}'::jsonb))",
        SqlStorage.Text or SqlStorage.LowerCaseText => $"({operand.Sql} IS NOT NULL AND {operand.Sql} <> '')",
        SqlStorage.Constant => "TRUE",
        _ => $"{operand.Sql} IS NOT NULL",
    };

    private static string Text(ComparisonFilter comparison, SqlOperand operand, bool caseExact, SqlParameters parameters)
    {
        var value = FilterValues.Text(comparison);
        var pattern = comparison.Operator switch
        {
            ComparisonOperator.Co => "%" + EscapeLike(value) + "%",
            ComparisonOperator.Sw => EscapeLike(value) + "%",
            ComparisonOperator.Ew => "%" + EscapeLike(value),
            _ => value,
        };
        // A folded key is compared with the value folded the same way, in .NET (CaseFolding), not by lower().
        var parameter = parameters.Add(operand.Storage == SqlStorage.LowerCaseText ? CaseFolding.Fold(pattern) : pattern, NpgsqlDbType.Text);
        var (left, right) = operand.Storage switch
        {
            SqlStorage.LowerCaseText => (operand.Sql, parameter),
            _ when !caseExact => ($"lower({operand.Sql})", $"lower({parameter})"),
            _ => (operand.Sql, parameter),
        };
        return comparison.Operator switch
        {
            ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew => $"{left} LIKE {right} ESCAPE '\\'",
            // Ordering is by code point, as in the in-memory evaluator, whatever the database's collation.
            ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le =>
                $"{left} COLLATE \"C\" {Sign(comparison.Operator)} {right}",
            _ => $"{left} {Sign(comparison.Operator)} {right}",
        };
    }

    /// <summary>eq and ne compare uuids (index-friendly; a value that is no uuid matches nothing);
    /// the other operators compare the canonical lower-case text.</summary>
    private static string Uuid(ComparisonFilter comparison, SqlOperand operand, SqlParameters parameters)
    {
        if (comparison.Operator is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            return Text(comparison, operand with { Sql = operand.Sql + "::text", Storage = SqlStorage.LowerCaseText }, caseExact: true, parameters);
        }
        if (!Guid.TryParse(FilterValues.Text(comparison), out var id))
        {
            return comparison.Operator == ComparisonOperator.Eq ? "FALSE" : "TRUE";
        }
        return $"{operand.Sql} {Sign(comparison.Operator)} {parameters.Add(id, NpgsqlDbType.Uuid)}";
    }

    /// <summary>A dateTime inside the document is compared as the instant it names, so that offsets and
    /// fractions written differently still compare chronologically (RFC 7643 §2.3.5), as in the in-memory evaluator.</summary>
    private static string DocumentDateTime(ComparisonFilter comparison, SqlOperand operand, SqlParameters parameters) =>
        $"{Instant(operand)} {Sign(comparison.Operator)} {InstantParameter(comparison, parameters)}";

    /// <summary>The filter's dateTime value, refused unless it is one, as a UTC timestamp parameter.</summary>
    private static string InstantParameter(ComparisonFilter comparison, SqlParameters parameters) =>
        parameters.Add(FilterValues.DateTime(comparison).ToUniversalTime(), NpgsqlDbType.TimestampTz);

    /// <summary>
    /// The stored text as timestamptz, through the scim_datetime function (migration DateTimeInstants): NULL, as a
    /// missing value, for text that is no xsd:dateTime or names no real instant. A plain cast would fail the whole
    /// query on one such value, and they exist: a declaration's type can change after values were stored.
    /// </summary>
    public static string Instant(SqlOperand operand) => $"scim_datetime({operand.Sql})";

    private static string Equality(ComparisonOperator op) => op == ComparisonOperator.Ne ? "IS DISTINCT FROM" : "=";

    /// <summary>ne is IS DISTINCT FROM so that a missing value (NULL) counts as different.</summary>
    private static string Sign(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => "=",
        ComparisonOperator.Ne => "IS DISTINCT FROM",
        ComparisonOperator.Gt => ">",
        ComparisonOperator.Ge => ">=",
        ComparisonOperator.Lt => "<",
        ComparisonOperator.Le => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a value comparison."),
    };

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
