using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Filtering;

internal enum FilterTokenKind { Word, String, Number, OpenParen, CloseParen, OpenBracket, CloseBracket, Dot, End }

/// <summary>One token of a filter or path. <see cref="Position"/> is its 0-based offset; messages
/// show it 1-based. <see cref="Literal"/> holds the decoded value of a string or number.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position, JsonValue? Literal = null)
{
    /// <summary>Keywords and operators are case-insensitive (RFC 7644 §3.4.2.2).</summary>
    public bool IsWord(string word) =>
        Kind == FilterTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind == FilterTokenKind.End ? "the end" : $"'{Text}'";
}

/// <summary>
/// Splits a filter into tokens. A word is an attribute path, an operator or a keyword — the
/// grammar tells which — and runs over letters, digits and <c>_ - $ : .</c> so that
/// <c>urn:ietf:params:scim:schemas:core:2.0:User:name.givenName</c> stays one word.
/// </summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text, string scimType)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, "", i));
                return tokens;
            }
            var c = text[i];
            var single = c switch
            {
                '(' => FilterTokenKind.OpenParen,
                ')' => FilterTokenKind.CloseParen,
                '[' => FilterTokenKind.OpenBracket,
                ']' => FilterTokenKind.CloseBracket,
                '.' => FilterTokenKind.Dot,
                _ => FilterTokenKind.End,
            };
            if (single != FilterTokenKind.End)
            {
                tokens.Add(new FilterToken(single, c.ToString(), i++));
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i, scimType));
            }
            else if (c == '-' || char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i, scimType));
            }
            else if (char.IsAsciiLetter(c) || c == '$')
            {
                var start = i;
                while (i < text.Length && IsWordCharacter(text[i]))
                {
                    i++;
                }
                tokens.Add(new FilterToken(FilterTokenKind.Word, text[start..i], start));
            }
            else
            {
                throw ScimProtocolException.BadRequest(scimType, $"Unexpected character '{c}' at position {i + 1}.");
            }
        }
    }

    private static bool IsWordCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or ':' or '.';

    /// <summary>A JSON string (RFC 8259 §7), escapes included.</summary>
    private static FilterToken ReadString(string text, ref int i, string scimType)
    {
        var start = i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw ScimProtocolException.BadRequest(scimType,
                    $"The string that starts at position {start + 1} is not closed: expected '\"' at position {text.Length + 1}.");
            }
            var c = text[i];
            if (c == '"')
            {
                i++;
                return new FilterToken(FilterTokenKind.String, text[start..i], start, JsonValue.Create(value.ToString()));
            }
            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }
            var escape = i + 1 < text.Length ? text[i + 1] : '\0';
            char? decoded = escape switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                _ => null,
            };
            if (decoded is { } simple)
            {
                value.Append(simple);
                i += 2;
            }
            else if (escape == 'u' && i + 6 <= text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                value.Append((char)code);
                i += 6;
            }
            else
            {
                throw ScimProtocolException.BadRequest(scimType,
                    $"Invalid escape sequence at position {i + 1}: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u followed by four hex digits.");
            }
        }
    }

    /// <summary>A JSON number, <c>-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?</c> (leading zeros tolerated).</summary>
    private static FilterToken ReadNumber(string text, ref int i, string scimType)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }
        var wellFormed = SkipDigits(text, ref i);
        if (wellFormed && i < text.Length && text[i] == '.')
        {
            i++;
            wellFormed = SkipDigits(text, ref i);
        }
        if (wellFormed && i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            wellFormed = SkipDigits(text, ref i);
        }
        var raw = text[start..i];
        if (!wellFormed || !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw ScimProtocolException.BadRequest(scimType, $"Invalid number '{raw}' at position {start + 1}.");
        }
        return new FilterToken(FilterTokenKind.Number, raw, start, JsonValue.Create(number));
    }

    private static bool SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i > start;
    }
}
