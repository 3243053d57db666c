namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>How the value an attribute path leads to is stored, which decides how it is compared.</summary>
internal enum SqlStorage
{
    /// <summary>A text column or expression, compared per the attribute's caseExact.</summary>
    Text,

    /// <summary>A text column that holds its value already folded to lower case (user_name_key).</summary>
    LowerCaseText,

    /// <summary>A uuid column (r.id, m.member_id): eq and ne compare uuids so indexes apply.</summary>
    Uuid,
    Boolean,
    Timestamp,

    /// <summary>A value inside the jsonb document: <see cref="SqlOperand.Sql"/> reads it as text (->>),
    /// <see cref="SqlOperand.Json"/> as jsonb (->).</summary>
    Json,

    /// <summary>The same for every row (meta.resourceType, groups.type): the comparison folds to TRUE or FALSE.
    /// <see cref="SqlOperand.Sql"/> holds the value itself, not SQL.</summary>
    Constant,
}

/// <summary>An attribute's value as SQL sees it.</summary>
internal sealed record SqlOperand(string Sql, SqlStorage Storage, string? Json = null)
{
    public static SqlOperand JsonProperty(string parentJson, string key) =>
        new($"{parentJson}->>{Quote(key)}", SqlStorage.Json, $"{parentJson}->{Quote(key)}");

    /// <summary>One element of a jsonb array of simple values (a row of <see cref="ArrayElements"/>).</summary>
    public static SqlOperand ArrayElement(string elementJson) => new($"({elementJson} #>> '{{}}')", SqlStorage.Json, elementJson);

    /// <summary>Keys come from the schema definitions, never from the client; quoting is belt and braces.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>The rows of a jsonb array, or none when the value is missing or not an array.</summary>
    public static string ArrayElements(string arrayJson) =>
        $"jsonb_array_elements(CASE WHEN jsonb_typeof({arrayJson}) = 'array' THEN {arrayJson} ELSE '[]'::jsonb END)";
}
