using NpgsqlTypes;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// Walks a filter tree into SQL. Comparisons on a missing value are NULL, so <c>not</c> reads
/// NULL as false before negating (<c>NOT COALESCE(…, FALSE)</c>): without that,
/// <c>not (title eq "x")</c> would drop users who have no title.
/// </summary>
internal sealed class SqlFilterBuilder(ResourceTypeDefinition type, SqlParameters parameters)
{
    public string Resource(FilterNode filter) => Walk(filter, ResourceComparison, v =>
        ValuePath(AttributeResolver.Resolve(type, v.Path, ScimType.InvalidFilter), v.Inner));

    private static string Walk(FilterNode node, Func<ComparisonFilter, string> comparison, Func<ValuePathFilter, string> valuePath) => node switch
    {
        LogicalFilter logical => $"({Walk(logical.Left, comparison, valuePath)} {(logical.Operator == LogicalOperator.And ? "AND" : "OR")} {Walk(logical.Right, comparison, valuePath)})",
        NotFilter negation => $"NOT COALESCE({Walk(negation.Inner, comparison, valuePath)}, FALSE)",
        // eq null means "not present" and ne null "present" (RFC 7644 §3.4.2.2 on null values).
        ComparisonFilter { Operator: ComparisonOperator.Eq, Value: null } absent =>
            Walk(new NotFilter(absent with { Operator = ComparisonOperator.Pr }), comparison, valuePath),
        ComparisonFilter { Operator: ComparisonOperator.Ne, Value: null } present => comparison(present with { Operator = ComparisonOperator.Pr }),
        ComparisonFilter leaf => comparison(leaf),
        ValuePathFilter values => valuePath(values),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown filter node."),
    };

    private string ResourceComparison(ComparisonFilter comparison)
    {
        var resolved = AttributeResolver.Resolve(type, comparison.Path, ScimType.InvalidFilter);
        if (ReferenceEquals(resolved.Attribute, CommonAttributes.Schemas))
        {
            return Schemas(comparison);
        }
        if (resolved.Attribute.MultiValued)
        {
            return MultiValued(comparison, resolved);
        }
        var operand = SqlStorageMap.Singular(type, resolved) ?? throw FilterValues.Invalid($"'{comparison.Path}' cannot be filtered.");
        return WithCustomValueIndex(comparison, resolved, SqlComparison.Build(comparison, operand, resolved.Target, parameters));
    }

    /// <summary>
    /// A declared string attribute compared with eq: r.custom_values (GIN) must contain the lower-cased value.
    /// Implied by the comparison, so always correct, and it lets PostgreSQL use the index as for userName.
    /// </summary>
    private string WithCustomValueIndex(ComparisonFilter comparison, ResolvedAttribute resolved, string condition) =>
        resolved is { SubAttribute: null, Attribute: { Custom: true, Type: AttributeType.String } attribute }
        && comparison is { Operator: ComparisonOperator.Eq, Value: { } value }
        && value.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? $"(r.custom_values @> {parameters.Add(CustomValueIndex.Containment(resolved.Schema, attribute, value.GetValue<string>()), NpgsqlDbType.Jsonb)} AND {condition})"
            : condition;

    /// <summary>A multi-valued attribute of simple values (a declared one): true when one of its values matches.</summary>
    private string SimpleMultiValued(ComparisonFilter comparison, ResolvedAttribute resolved)
    {
        var json = SqlStorageMap.AttributeJson(type, resolved);
        if (comparison.Operator == ComparisonOperator.Pr)
        {
            return SqlComparison.Present(SqlStorageMap.Singular(type, resolved)!);
        }
        var element = comparison with { Operator = comparison.Operator == ComparisonOperator.Ne ? ComparisonOperator.Eq : comparison.Operator };
        var any = $"EXISTS (SELECT 1 FROM {SqlOperand.ArrayElements(json)} AS e(v) WHERE "
            + SqlComparison.Build(element, SqlOperand.ArrayElement("e.v"), resolved.Attribute, parameters) + ")";
        any = WithCustomValueIndex(element, resolved, any);
        return comparison.Operator == ComparisonOperator.Ne ? $"NOT COALESCE({any}, FALSE)" : any;
    }

    /// <summary>
    /// A comparison on a multi-valued attribute holds when one of its values matches:
    /// <c>emails.type eq "work"</c> is <c>emails[type eq "work"]</c>, and <c>emails co "x"</c>
    /// means its value sub-attribute. ne holds when no value is equal, so a resource without
    /// the attribute matches it, as with singular attributes.
    /// </summary>
    private string MultiValued(ComparisonFilter comparison, ResolvedAttribute resolved)
    {
        var attribute = resolved.Attribute;
        if (attribute.Type != AttributeType.Complex)
        {
            return SimpleMultiValued(comparison, resolved);
        }
        var sub = resolved.SubAttribute ?? attribute.FindSubAttribute("value");
        if (sub is null)
        {
            return comparison.Operator == ComparisonOperator.Pr
                ? SqlComparison.Present(SqlStorageMap.Singular(type, resolved)!)
                : throw FilterValues.Invalid($"'{attribute.Name}' has no value sub-attribute: compare one of its sub-attributes, such as '{attribute.Name}.{attribute.SubAttributesOrEmpty[0].Name}'.");
        }
        var element = comparison with
        {
            Path = new AttributePath(null, sub.Name, null),
            Operator = comparison.Operator == ComparisonOperator.Ne ? ComparisonOperator.Eq : comparison.Operator,
        };
        var any = ValuePath(resolved with { SubAttribute = null }, element);
        return comparison.Operator == ComparisonOperator.Ne ? $"NOT COALESCE({any}, FALSE)" : any;
    }

    private string ValuePath(ResolvedAttribute resolved, FilterNode inner)
    {
        var attribute = resolved.Attribute;
        if (resolved.SubAttribute is not null)
        {
            throw FilterValues.Invalid($"'[…]' must follow an attribute, not the sub-attribute '{attribute.Name}.{resolved.SubAttribute.Name}'.");
        }
        if (SqlStorageMap.Membership(type, resolved) is { } membership)
        {
            var condition = Element(inner, attribute, sub => membership.SubAttribute(sub) ?? throw FilterValues.Invalid(
                $"'{attribute.Name}.{sub.Name}' cannot be filtered: only {attribute.Name}.value and {attribute.Name}.type can."));
            return $"EXISTS (SELECT 1 FROM scim_group_members m WHERE {membership.Correlation} AND {condition})";
        }
        if (attribute.Type != AttributeType.Complex)
        {
            throw FilterValues.Invalid($"'{attribute.Name}' is not complex: '[…]' filters the values of a complex attribute.");
        }
        var json = SqlStorageMap.AttributeJson(type, resolved);
        if (!attribute.MultiValued)
        {
            // name[givenName eq "x" and familyName eq "y"]: the brackets group conditions on one complex value.
            return Element(inner, attribute, sub => SqlOperand.JsonProperty(json, sub.Name));
        }
        var exists = $"EXISTS (SELECT 1 FROM {SqlOperand.ArrayElements(json)} AS e(v) WHERE "
            + Element(inner, attribute, sub => SqlOperand.JsonProperty("e.v", sub.Name)) + ")";
        return IsUserEmails(resolved) ? WithEmailIndex(inner, exists) : exists;
    }

    /// <summary>A filter on the sub-attributes of one value of <paramref name="parent"/>.</summary>
    private string Element(FilterNode filter, AttributeDefinition parent, Func<AttributeDefinition, SqlOperand> operandFor) =>
        Walk(filter,
            comparison => comparison.Path is { SchemaUrn: null, SubAttribute: null } && parent.FindSubAttribute(comparison.Path.Name) is { } sub
                ? SqlComparison.Build(comparison, operandFor(sub), sub, parameters)
                : throw FilterValues.Invalid($"'{comparison.Path}' is not a sub-attribute of '{parent.Name}'. Its sub-attributes are: "
                    + string.Join(", ", parent.SubAttributesOrEmpty.Select(a => a.Name)) + "."),
            nested => throw FilterValues.Invalid($"Value filters cannot nest: '{nested.Path}[…]' inside a filter on '{parent.Name}'."));

    /// <summary>
    /// r.email_values holds every email value lower-cased under a GIN index. Each
    /// <c>value eq</c> the element filter requires (through and, not or/not) is also required
    /// of that array: implied by the EXISTS, so always correct, and it lets PostgreSQL use the index.
    /// </summary>
    private string WithEmailIndex(FilterNode inner, string exists)
    {
        var hints = RequiredValues(inner)
            .Select(value => $"r.email_values @> ARRAY[{parameters.Add(CaseFolding.Fold(value), NpgsqlDbType.Text)}]::text[]")
            .ToList();
        return hints.Count == 0 ? exists : $"({string.Join(" AND ", hints)} AND {exists})";
    }

    private static IEnumerable<string> RequiredValues(FilterNode filter) => filter switch
    {
        LogicalFilter { Operator: LogicalOperator.And } both => RequiredValues(both.Left).Concat(RequiredValues(both.Right)),
        ComparisonFilter { Operator: ComparisonOperator.Eq, Path: { SchemaUrn: null, SubAttribute: null } path, Value: { } value }
            when string.Equals(path.Name, "value", StringComparison.OrdinalIgnoreCase) && value.GetValueKind() == System.Text.Json.JsonValueKind.String
            => [value.GetValue<string>()],
        _ => [],
    };

    private bool IsUserEmails(ResolvedAttribute resolved) =>
        type.Name == "User" && ReferenceEquals(resolved.Schema, type.Schema) && resolved.Attribute.Name == "emails";

    /// <summary><c>schemas eq "urn"</c>: the core schema always, an extension when the document holds it.</summary>
    private string Schemas(ComparisonFilter comparison)
    {
        if (comparison.Operator == ComparisonOperator.Pr)
        {
            return "TRUE";
        }
        if (comparison.Operator is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            throw FilterValues.Invalid("'schemas' can be compared only with eq, ne and pr.");
        }
        var schema = type.FindSchema(FilterValues.Text(comparison));
        var uses = schema is null ? "FALSE"
            : ReferenceEquals(schema, type.Schema) ? "TRUE"
            : $"{SqlStorageMap.Document}->{SqlOperand.Quote(schema.Id)} IS NOT NULL";
        return comparison.Operator == ComparisonOperator.Eq ? uses : $"NOT ({uses})";
    }
}
