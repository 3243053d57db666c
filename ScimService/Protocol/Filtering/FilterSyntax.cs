using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// An attribute path of RFC 7644 §3.10: an optional schema URN, an attribute, an optional
/// sub-attribute. Names are kept as written; resolution against a schema is case-insensitive.
/// </summary>
public sealed record AttributePath(string? SchemaUrn, string Name, string? SubAttribute)
{
    public override string ToString() =>
        (SchemaUrn is null ? "" : SchemaUrn + ":") + Name + (SubAttribute is null ? "" : "." + SubAttribute);
}

public enum ComparisonOperator { Eq, Ne, Co, Sw, Ew, Gt, Lt, Ge, Le, Pr }

public enum LogicalOperator { And, Or }

/// <summary>A filter expression (RFC 7644 §3.4.2.2).</summary>
public abstract record FilterNode;

/// <summary><c>attrPath op value</c>, or <c>attrPath pr</c> (then <see cref="Value"/> is null).
/// The value is a JSON string, number or boolean literal; the literal null is a null
/// <see cref="Value"/> too, and only eq and ne take it.</summary>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Operator, JsonValue? Value) : FilterNode;

public sealed record LogicalFilter(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;

public sealed record NotFilter(FilterNode Inner) : FilterNode;

/// <summary><c>emails[type eq "work" and value co "@example.com"]</c>: paths inside
/// <see cref="Inner"/> are relative to one element of the multi-valued attribute <see cref="Path"/>.</summary>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Inner) : FilterNode;

/// <summary>A PATCH path (RFC 7644 §3.5.2): <c>attrPath</c>, or <c>valuePath[.subAttr]</c>.</summary>
public sealed record PatchPath(AttributePath Attribute, FilterNode? ValueFilter, string? SubAttribute)
{
    public override string ToString() => Attribute + (ValueFilter is null ? "" : "[…]") + (SubAttribute is null ? "" : "." + SubAttribute);
}
