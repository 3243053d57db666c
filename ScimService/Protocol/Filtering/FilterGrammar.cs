using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// Recursive descent over the filter grammar of RFC 7644 §3.4.2.2, with errata 7322 (a value
/// filter may hold parentheses and <c>not</c>) and 4690 (value filters do not nest).
/// Precedence from loosest: <c>or</c>, <c>and</c>, then <c>not (…)</c>, <c>(…)</c>,
/// comparisons and value paths. <c>and</c>/<c>or</c> chains are loops, not recursion; only
/// brackets and parentheses recurse, and <see cref="FilterParser.MaxNestingDepth"/> caps them.
/// </summary>
internal sealed class FilterGrammar(IReadOnlyList<FilterToken> tokens, string scimType)
{
    private int _index;
    private int _depth;

    public string ScimType => scimType;

    public FilterToken Current => tokens[_index];

    public FilterToken Advance() => tokens[_index++];

    public FilterNode Filter(bool inValuePath)
    {
        var left = Conjunction(inValuePath);
        while (Current.IsWord("or"))
        {
            _index++;
            left = new LogicalFilter(LogicalOperator.Or, left, Conjunction(inValuePath));
        }
        return left;
    }

    private FilterNode Conjunction(bool inValuePath)
    {
        var left = Term(inValuePath);
        while (Current.IsWord("and"))
        {
            _index++;
            left = new LogicalFilter(LogicalOperator.And, left, Term(inValuePath));
        }
        return left;
    }

    private FilterNode Term(bool inValuePath)
    {
        var token = Advance();
        if (token.IsWord("not"))
        {
            var open = Advance();
            return open.Kind == FilterTokenKind.OpenParen
                ? new NotFilter(Group(open, inValuePath))
                : throw Error($"Expected '(' after 'not' at position {Position(open)}, found {open.Describe()}.");
        }
        if (token.Kind == FilterTokenKind.OpenParen)
        {
            return Group(token, inValuePath);
        }
        if (token.Kind != FilterTokenKind.Word)
        {
            throw Error($"Expected an attribute name, 'not' or '(' at position {Position(token)}, found {token.Describe()}.");
        }
        var path = AttributePathSyntax.Parse(token.Text, token.Position, scimType);
        if (inValuePath && (path.SchemaUrn is not null || path.SubAttribute is not null))
        {
            throw Error($"Inside '[…]' a filter names sub-attributes of the attribute before the '[', such as 'type' or 'value'; found '{token.Text}' at position {Position(token)}.");
        }
        if (Current.Kind != FilterTokenKind.OpenBracket)
        {
            return Comparison(path, token.Text);
        }
        if (inValuePath)
        {
            throw Error($"Value filters cannot nest: found '[' at position {Position(Current)} inside another '[…]'.");
        }
        if (path.SubAttribute is not null)
        {
            throw Error($"'[' at position {Position(Current)} must follow a multi-valued attribute, not the sub-attribute '{token.Text}'.");
        }
        var filter = ValueFilter(Advance());
        if (Current.Kind != FilterTokenKind.Dot)
        {
            return new ValuePathFilter(path, filter);
        }
        // emails[type eq "work"].value eq "x": the trailing comparison applies to the same element.
        var dot = Advance();
        var sub = SubAttributeName(dot);
        var trailing = Comparison(new AttributePath(null, sub, null), $"{path.Name}[…].{sub}");
        return new ValuePathFilter(path, new LogicalFilter(LogicalOperator.And, filter, trailing));
    }

    /// <summary>The filter inside <c>[…]</c>, once the '[' has been read; reads the ']'.</summary>
    public FilterNode ValueFilter(FilterToken open)
    {
        Enter(open);
        var inner = Filter(inValuePath: true);
        Close(open, FilterTokenKind.CloseBracket, "']'");
        return inner;
    }

    /// <summary>The name after <c>].</c>.</summary>
    public string SubAttributeName(FilterToken dot)
    {
        var name = Advance();
        return name.Kind == FilterTokenKind.Word && AttributePathSyntax.IsName(name.Text)
            ? name.Text
            : throw Error($"Expected a sub-attribute name after '.' at position {Position(dot)}, found {name.Describe()} at position {Position(name)}.");
    }

    private FilterNode Group(FilterToken open, bool inValuePath)
    {
        Enter(open);
        var inner = Filter(inValuePath);
        Close(open, FilterTokenKind.CloseParen, "')'");
        return inner;
    }

    private FilterNode Comparison(AttributePath path, string written)
    {
        var operatorToken = Advance();
        if (!TryOperator(operatorToken, out var op))
        {
            throw Error(operatorToken.Kind == FilterTokenKind.End
                ? $"Expected a comparison operator after '{written}' at position {Position(operatorToken)}."
                : $"Expected a comparison operator after '{written}' at position {Position(operatorToken)}, found {operatorToken.Describe()}.");
        }
        if (op == ComparisonOperator.Pr)
        {
            return new ComparisonFilter(path, op, null);
        }
        var value = Advance();
        if (value.Literal is not null)
        {
            return new ComparisonFilter(path, op, value.Literal);
        }
        if (value.IsWord("true") || value.IsWord("false"))
        {
            return new ComparisonFilter(path, op, JsonValue.Create(value.IsWord("true")));
        }
        if (value.IsWord("null"))
        {
            return op is ComparisonOperator.Eq or ComparisonOperator.Ne
                ? new ComparisonFilter(path, op, null)
                : throw Error($"Only eq and ne compare with null; found '{operatorToken.Text} null' at position {Position(operatorToken)}.");
        }
        var hint = value.Kind == FilterTokenKind.Word ? "; strings go in double quotes" : "";
        throw Error($"Expected a value (a string in double quotes, a number, true, false or null) after '{operatorToken.Text}' at position {Position(value)}, found {value.Describe()}{hint}.");
    }

    private static bool TryOperator(FilterToken token, out ComparisonOperator op)
    {
        op = default;
        return token.Kind == FilterTokenKind.Word
            && token.Text.Length == 2
            && Enum.TryParse(token.Text, ignoreCase: true, out op)
            && Enum.IsDefined(op);
    }

    private void Enter(FilterToken open)
    {
        if (++_depth > FilterParser.MaxNestingDepth)
        {
            throw Error($"The filter nests deeper than {FilterParser.MaxNestingDepth} levels at position {Position(open)}.");
        }
    }

    private void Close(FilterToken open, FilterTokenKind kind, string expected)
    {
        var token = Advance();
        if (token.Kind != kind)
        {
            throw Error(token.Kind == FilterTokenKind.End
                ? $"Expected {expected} to close the '{open.Text}' at position {Position(open)}, but the text ends at position {Position(token)}."
                : $"Expected 'and', 'or' or {expected} at position {Position(token)}, found {token.Describe()}.");
        }
        _depth--;
    }

    public static int Position(FilterToken token) => token.Position + 1;

    public ScimProtocolException Error(string detail) => ScimProtocolException.BadRequest(scimType, detail);
}
