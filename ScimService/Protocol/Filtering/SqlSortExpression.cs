using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// ORDER BY expressions for sortBy. Strings that compare case-insensitively sort by their
/// lower-case form; the direction and the place of NULLs are the caller's.
/// </summary>
internal static class SqlSortExpression
{
    public static string For(AttributePath path, ResourceTypeDefinition type)
    {
        var resolved = AttributeResolver.Resolve(type, path, ScimType.InvalidPath);
        var attribute = resolved.Attribute;
        if (SqlStorageMap.Membership(type, resolved) is not null || ReferenceEquals(attribute, CommonAttributes.Schemas))
        {
            throw Unsortable(path, "it is a list of references; sort by a singular attribute");
        }
        if (attribute.MultiValued && attribute.Type != AttributeType.Complex)
        {
            // A declared list of simple values sorts by its first value.
            return $"(SELECT {Order(attribute, SqlOperand.ArrayElement("e.v"))} FROM {SqlOperand.ArrayElements(SqlStorageMap.AttributeJson(type, resolved))} "
                + "WITH ORDINALITY AS e(v, n) ORDER BY e.n LIMIT 1)";
        }
        if (attribute.MultiValued)
        {
            var sub = resolved.SubAttribute ?? attribute.FindSubAttribute("value")
                ?? throw Unsortable(path, $"name one of its sub-attributes, such as '{attribute.Name}.{attribute.SubAttributesOrEmpty[0].Name}'");
            var value = Order(sub, SqlOperand.JsonProperty("e.v", sub.Name));
            // The primary value if one is marked (as JSON true or Entra's "True"), else the first.
            return $"(SELECT {value} FROM {SqlOperand.ArrayElements(SqlStorageMap.AttributeJson(type, resolved))} WITH ORDINALITY AS e(v, n) "
                + "ORDER BY COALESCE(lower(e.v->>'primary') = 'true', FALSE) DESC, e.n LIMIT 1)";
        }
        if (resolved.Target.Type == AttributeType.Complex)
        {
            throw Unsortable(path, $"it is complex; sort by one of its sub-attributes, such as '{attribute.Name}.{attribute.SubAttributesOrEmpty[0].Name}'");
        }
        var operand = SqlStorageMap.Singular(type, resolved);
        return operand is null or { Storage: SqlStorage.Constant }
            ? throw Unsortable(path, "it is not stored in a form the server can sort by")
            : Order(resolved.Target, operand);
    }

    private static string Order(AttributeDefinition attribute, SqlOperand operand) => operand.Storage switch
    {
        SqlStorage.Text => attribute.CaseExact ? operand.Sql : $"lower({operand.Sql})",
        SqlStorage.Json => attribute.Type switch
        {
            // jsonb orders numbers numerically and false before true.
            AttributeType.Boolean or AttributeType.Integer or AttributeType.Decimal => operand.Json!,
            AttributeType.DateTime => SqlComparison.Instant(operand),
            _ => attribute.CaseExact ? operand.Sql : $"lower({operand.Sql})",
        },
        _ => operand.Sql,
    };

    private static ScimProtocolException Unsortable(AttributePath path, string reason) =>
        ScimProtocolException.BadRequest(ScimType.InvalidValue, $"Cannot sort by '{path}': {reason}.");
}
