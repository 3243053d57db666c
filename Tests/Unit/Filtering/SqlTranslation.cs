using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.Tests.Unit.Filtering;

/// <summary>Translates a filter and renders its parameters as <c>name=value:type; …</c> for assertions.</summary>
internal static class SqlTranslation
{
    public static (string Sql, string Parameters) Of(string filter, ResourceTypeDefinition? type = null)
    {
        var translated = SqlFilterTranslator.Translate(FilterParser.Parse(filter), type ?? ResourceTypes.User);
        return (translated.Sql, string.Join("; ", translated.Parameters
            .Select(p => $"{p.ParameterName}={(p.Value is DateTimeOffset d ? d.ToString("O") : p.Value)}:{p.NpgsqlDbType}")));
    }

    public const string EmailElements =
        "jsonb_array_elements(CASE WHEN jsonb_typeof(r.attributes->'emails') = 'array' THEN r.attributes->'emails' ELSE '[]'::jsonb END)";

    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
}
