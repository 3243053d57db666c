namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// Parses the filter parameter (RFC 7644 §3.4.2.2), PATCH paths (§3.5.2) and the attribute
/// paths of sortBy and attributes= (§3.10). Every syntax error is a 400 whose detail says
/// where (1-based character position) and what was expected.
/// </summary>
public static class FilterParser
{
    /// <summary>Filters arrive in query strings; real ones are far shorter.</summary>
    public const int MaxFilterLength = 4096;

    /// <summary>Parentheses and brackets nest at most this deep, so no input can exhaust the stack.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Throws 400 invalidFilter.</summary>
    public static FilterNode Parse(string filter)
    {
        var grammar = Start(filter, ScimType.InvalidFilter, "filter");
        var node = grammar.Filter(inValuePath: false);
        var end = grammar.Current;
        return end.Kind == FilterTokenKind.End
            ? node
            : throw grammar.Error($"Expected 'and', 'or' or the end of the filter at position {FilterGrammar.Position(end)}, found {end.Describe()}.");
    }

    /// <summary><c>attrPath</c>, <c>attrPath[valFilter]</c> or <c>attrPath[valFilter].subAttr</c>,
    /// optionally URN-qualified. Throws 400 invalidPath, also for errors inside the brackets.</summary>
    public static PatchPath ParsePatchPath(string path)
    {
        var grammar = Start(path, ScimType.InvalidPath, "path");
        var attribute = AttributeWord(grammar, "path");
        if (grammar.Current.Kind == FilterTokenKind.End)
        {
            return new PatchPath(attribute, null, null);
        }
        var open = grammar.Advance();
        if (open.Kind != FilterTokenKind.OpenBracket || attribute.SubAttribute is not null)
        {
            throw grammar.Error(attribute.SubAttribute is null
                ? $"Expected '[' or the end of the path at position {FilterGrammar.Position(open)}, found {open.Describe()}."
                : $"Expected the end of the path after '{attribute}' at position {FilterGrammar.Position(open)}, found {open.Describe()}.");
        }
        var filter = grammar.ValueFilter(open);
        string? sub = null;
        if (grammar.Current.Kind == FilterTokenKind.Dot)
        {
            sub = grammar.SubAttributeName(grammar.Advance());
        }
        var end = grammar.Current;
        return end.Kind == FilterTokenKind.End
            ? new PatchPath(attribute, filter, sub)
            : throw grammar.Error($"Expected {(sub is null ? "'.' or " : "")}the end of the path at position {FilterGrammar.Position(end)}, found {end.Describe()}.");
    }

    /// <summary>One attribute path, as in sortBy or an item of attributes=. Throws 400 invalidPath.</summary>
    public static AttributePath ParseAttributePath(string path)
    {
        var grammar = Start(path, ScimType.InvalidPath, "attribute path");
        var attribute = AttributeWord(grammar, "attribute path");
        var end = grammar.Current;
        return end.Kind == FilterTokenKind.End
            ? attribute
            : throw grammar.Error($"Expected the end of the attribute path at position {FilterGrammar.Position(end)}, found {end.Describe()}.");
    }

    private static FilterGrammar Start(string? text, string scimType, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ScimProtocolException.BadRequest(scimType, $"The {what} is empty.");
        }
        if (text.Length > MaxFilterLength)
        {
            throw ScimProtocolException.BadRequest(scimType,
                $"The {what} is {text.Length} characters long; the limit is {MaxFilterLength}.");
        }
        return new FilterGrammar(FilterLexer.Tokenize(text, scimType), scimType);
    }

    private static AttributePath AttributeWord(FilterGrammar grammar, string what)
    {
        var word = grammar.Advance();
        return word.Kind == FilterTokenKind.Word
            ? AttributePathSyntax.Parse(word.Text, word.Position, grammar.ScimType)
            : throw grammar.Error($"Expected an attribute name at the start of the {what} (position {FilterGrammar.Position(word)}), found {word.Describe()}.");
    }
}
