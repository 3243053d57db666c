using System.Text.Encodings.Web;
using System.Text.Json;
using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.Tests.Unit.Filtering;

/// <summary>A compact, fully parenthesised rendering of a filter tree, so a test states the
/// tree it expects in one line: <c>(a pr and not(b eq "x"))</c>.</summary>
internal static class FilterNotation
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(FilterNode node) => node switch
    {
        ComparisonFilter { Operator: ComparisonOperator.Pr } c => $"{c.Path} pr",
        ComparisonFilter c => $"{c.Path} {c.Operator.ToString().ToLowerInvariant()} {c.Value?.ToJsonString(Readable) ?? "null"}",
        LogicalFilter l => $"({Of(l.Left)} {l.Operator.ToString().ToLowerInvariant()} {Of(l.Right)})",
        NotFilter n => $"not({Of(n.Inner)})",
        ValuePathFilter v => $"{v.Path}[{Of(v.Inner)}]",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static string Parse(string filter) => Of(FilterParser.Parse(filter));
}
