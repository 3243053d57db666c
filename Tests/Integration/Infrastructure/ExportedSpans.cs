using System.Diagnostics;
using System.Text;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>One span as a service exported it: which service, which instrumentation (its scope), its name, and a database command's text.</summary>
public sealed record ExportedSpan(string Service, string Scope, string Name, string? QueryText);

/// <summary>
/// Reads the spans of one trace out of the OTLP/protobuf bodies the <see cref="TelemetryReceiver"/> kept:
/// <c>ExportTraceServiceRequest</c> → resource spans (the service's <c>service.name</c>) → scope spans
/// (the instrumentation's name, "Npgsql" for database commands) → spans (trace id, name). Only these
/// fields are decoded; the rest of the message is skipped by its wire type.
/// </summary>
public static class ExportedSpans
{
    public static IReadOnlyList<ExportedSpan> Of(TelemetryReceiver telemetry, ActivityTraceId traceId)
    {
        var wanted = new byte[16];
        traceId.CopyTo(wanted);
        var spans = new List<ExportedSpan>();
        foreach (var export in telemetry.Exports("traces"))
        {
            foreach (var resourceSpans in Fields(export.Body, 1))
            {
                var service = Fields(resourceSpans, 1).Select(resource => Attribute(resource, 1, "service.name")).FirstOrDefault() ?? "";
                foreach (var scopeSpans in Fields(resourceSpans, 2))
                {
                    var scope = Fields(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                    spans.AddRange(Fields(scopeSpans, 2)
                        .Where(span => Fields(span, 1).Any(id => id.AsSpan().SequenceEqual(wanted)))
                        .Select(span => new ExportedSpan(service, scope, Text(span, 5) ?? "", Attribute(span, 9, "db.query.text") ?? Attribute(span, 9, "db.statement"))));
                }
            }
        }
        return spans;
    }

    /// <summary>A string attribute: a KeyValue (key 1, AnyValue 2 with its string value 1) in the message's field.</summary>
    private static string? Attribute(byte[] message, int field, string key) =>
        Fields(message, field).Where(attribute => Text(attribute, 1) == key)
            .Select(attribute => Fields(attribute, 2).Select(value => Text(value, 1)).FirstOrDefault())
            .FirstOrDefault();

    private static string? Text(byte[] message, int field) =>
        Fields(message, field).Select(bytes => Encoding.UTF8.GetString(bytes)).FirstOrDefault();

    /// <summary>The length-delimited values of one field number in a protobuf message.</summary>
    private static List<byte[]> Fields(byte[] message, int field)
    {
        var values = new List<byte[]>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            switch ((int)(key & 7))
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if ((int)(key >> 3) == field)
                    {
                        values.Add(message[at..(at + length)]);
                    }
                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unexpected protobuf wire type {key & 7}.");
            }
        }
        return values;
    }

    private static ulong Varint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
