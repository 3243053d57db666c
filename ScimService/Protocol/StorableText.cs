using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol;

/// <summary>
/// PostgreSQL cannot hold U+0000 in text or jsonb, and an unpaired surrogate is not text at all:
/// input carrying either is refused up front rather than failing in the database.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Throws invalidValue when any name or string in the document cannot be stored.</summary>
    public static void Require(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    RequireText(name);
                    Require(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Require(item);
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                RequireText(Read(value));
                break;
        }
    }

    private static void RequireText(string text)
    {
        if (!IsStorable(text))
        {
            throw NotStorable();
        }
    }

    /// <summary>An escaped lone surrogate (<c>"\ud800"</c>) cannot even be read back as a string.</summary>
    private static string Read(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or JsonException)
        {
            throw NotStorable();
        }
    }

    private static ScimProtocolException NotStorable() => ScimProtocolException.BadRequest(ScimType.InvalidValue,
        "Text may not contain the NUL character (U+0000) or unpaired surrogates.");
}
