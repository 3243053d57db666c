using System.Text.Json;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// Writes a resource as the client reads it straight from its stored JSON: the visible attributes
/// (<see cref="StoredAttributes"/>), the derived references and meta, cut down to what the request asked
/// for (<see cref="AttributeSelection"/>). No document is built: reads are the calls IdPs make most, and a
/// document per response was three copies of every value.
/// </summary>
public sealed class ResourceWriter(ResourceTypeDefinition type, Projection projection)
{
    private readonly AttributeSelection _selection = new(type, projection.Attributes, projection.ExcludedAttributes);

    public void Write(Utf8JsonWriter writer, ResourceParts resource)
    {
        using var stored = JsonDocument.Parse(resource.StoredAttributes);
        var visible = StoredAttributes.Visible(stored.RootElement, type);
        writer.WriteStartObject();
        // schemas and id are returned always (RFC 7643 §3.1); schemas names each extension the resource holds values of.
        writer.WriteStartArray("schemas");
        writer.WriteStringValue(type.Schema.Id);
        for (var i = 0; i < visible.Count; i++)
        {
            if (visible[i].Schema != type.Schema && (i == 0 || visible[i - 1].Schema != visible[i].Schema))
            {
                writer.WriteStringValue(visible[i].Schema.Id);
            }
        }
        writer.WriteEndArray();
        writer.WriteString("id", resource.Id);
        var next = 0;
        while (next < visible.Count)
        {
            next = WriteStored(writer, visible, next);
        }
        WriteReferences(writer, resource);
        WriteMeta(writer, resource);
        writer.WriteEndObject();
    }

    /// <summary>Writes the core value at <paramref name="index"/>, or the extension starting there; returns the index after it.</summary>
    private int WriteStored(Utf8JsonWriter writer, List<VisibleValue> visible, int index)
    {
        var schema = visible[index].Schema;
        if (schema == type.Schema)
        {
            var (_, attribute, value) = visible[index];
            if (_selection.Decide(schema, attribute) is { } keepSub)
            {
                writer.WritePropertyName(attribute.Name);
                WriteValue(writer, attribute, value, keepSub);
            }
            return index + 1;
        }
        var end = index;
        while (end < visible.Count && visible[end].Schema == schema)
        {
            end++;
        }
        var opened = false;
        for (var i = index; i < end; i++)
        {
            if (_selection.Decide(schema, visible[i].Attribute) is not { } keepSub)
            {
                continue;
            }
            if (!opened)
            {
                writer.WriteStartObject(schema.Id);
                opened = true;
            }
            writer.WritePropertyName(visible[i].Attribute.Name);
            WriteValue(writer, visible[i].Attribute, visible[i].Value, keepSub);
        }
        if (opened)
        {
            writer.WriteEndObject();
        }
        return end;
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeDefinition attribute, JsonElement value, Func<AttributeDefinition, bool> keepSub)
    {
        switch (attribute.Type, value.ValueKind)
        {
            case (AttributeType.Complex, JsonValueKind.Array):
                writer.WriteStartArray();
                foreach (var element in value.EnumerateArray())
                {
                    WriteValue(writer, attribute, element, keepSub);
                }
                writer.WriteEndArray();
                break;
            case (AttributeType.Complex, JsonValueKind.Object):
                writer.WriteStartObject();
                foreach (var sub in value.EnumerateObject())
                {
                    if (attribute.FindSubAttribute(sub.Name) is { } definition && keepSub(definition))
                    {
                        sub.WriteTo(writer);
                    }
                }
                writer.WriteEndObject();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private void WriteReferences(Utf8JsonWriter writer, ResourceParts resource)
    {
        if (resource.References is not { } references
            || AttributeKey.FindAttribute(type, type.Schema, resource.ReferencesAttribute) is not { } attribute
            || _selection.Decide(type.Schema, attribute) is not { } keepSub)
        {
            return;
        }
        var shown = (Value: Shown("value"), Ref: Shown("$ref"), Display: Shown("display"), Type: Shown("type"));
        writer.WriteStartArray(attribute.Name);
        foreach (var reference in references)
        {
            writer.WriteStartObject();
            WriteIfShown(writer, shown.Value, "value", reference.Value.ToString());
            WriteIfShown(writer, shown.Ref, "$ref", reference.Ref);
            WriteIfShown(writer, shown.Display, "display", reference.Display);
            WriteIfShown(writer, shown.Type, "type", reference.Type);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        bool Shown(string name) => attribute.FindSubAttribute(name) is { } sub && keepSub(sub);
    }

    private void WriteMeta(Utf8JsonWriter writer, ResourceParts resource)
    {
        if (_selection.Decide(type.Schema, CommonAttributes.Meta) is not { } keepSub)
        {
            return;
        }
        writer.WriteStartObject("meta");
        WriteIfShown(writer, Shown("resourceType"), "resourceType", resource.ResourceType);
        WriteIfShown(writer, Shown("created"), "created", Meta.Timestamp(resource.Created));
        WriteIfShown(writer, Shown("lastModified"), "lastModified", Meta.Timestamp(resource.LastModified));
        WriteIfShown(writer, Shown("location"), "location", resource.Location);
        WriteIfShown(writer, Shown("version"), "version", Meta.ETag(resource.Version));
        writer.WriteEndObject();

        bool Shown(string name) => keepSub(CommonAttributes.Meta.FindSubAttribute(name)!);
    }

    private static void WriteIfShown(Utf8JsonWriter writer, bool shown, string name, string? value)
    {
        if (shown)
        {
            writer.WriteString(name, value);
        }
    }
}
