namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// Reads the OTLP/protobuf metrics bodies <see cref="TelemetryReceiver"/> keeps, just far enough to read a
/// counter: ExportMetricsServiceRequest → ResourceMetrics → ScopeMetrics (scope name) → Metric (name) → Sum
/// → NumberDataPoint (attributes, value). Field numbers are those of opentelemetry-proto's metrics.proto.
/// </summary>
public static class OtlpMetrics
{
    /// <summary>
    /// The counter's value in the newest export that has it: the sum over its points whose attributes hold every
    /// one of <paramref name="tags"/> (exports are cumulative, so this is the count since the service started); 0 when none has it.
    /// </summary>
    public static long Latest(TelemetryReceiver telemetry, string scope, string metric, params (string Key, string Value)[] tags)
    {
        foreach (var export in telemetry.Exports("metrics").Reverse())
        {
            if (Sum(export.Body, scope, metric, tags) is { } value)
            {
                return value;
            }
        }
        return 0;
    }

    private static long? Sum(byte[] body, string scope, string metric, (string Key, string Value)[] tags)
    {
        long? total = null;
        foreach (var resource in Messages(body, 1))
        {
            foreach (var scopeMetrics in Messages(resource, 2))
            {
                if (Messages(scopeMetrics, 1).Select(s => Text(s, 1)).FirstOrDefault() != scope)
                {
                    continue;
                }
                foreach (var m in Messages(scopeMetrics, 2).Where(m => Text(m, 1) == metric))
                {
                    foreach (var point in Messages(m, 7).SelectMany(sum => Messages(sum, 1)))
                    {
                        var attributes = Messages(point, 7).Select(kv => (Text(kv, 1), Messages(kv, 2).Select(v => Text(v, 1)).FirstOrDefault())).ToList();
                        if (tags.All(tag => attributes.Contains((tag.Key, tag.Value))))
                        {
                            total = (total ?? 0) + Fixed64(point, 6);
                        }
                    }
                }
            }
        }
        return total;
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Bytes is not null).Select(f => f.Bytes!);

    private static string? Text(byte[] message, int field) =>
        Messages(message, field).Select(b => System.Text.Encoding.UTF8.GetString(b)).FirstOrDefault();

    private static long Fixed64(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.WireType == 1).Select(f => (long)f.Value).FirstOrDefault();

    /// <summary>Every field of one message: its number, wire type, and value (varint, fixed) or bytes (length-delimited).</summary>
    private static List<(int Number, int WireType, ulong Value, byte[]? Bytes)> Fields(byte[] message)
    {
        var fields = new List<(int, int, ulong, byte[]?)>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0:
                    fields.Add((number, wireType, Varint(message, ref at), null));
                    break;
                case 1:
                    fields.Add((number, wireType, BitConverter.ToUInt64(message, at), null));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    fields.Add((number, wireType, 0, message[at..(at + length)]));
                    at += length;
                    break;
                case 5:
                    fields.Add((number, wireType, BitConverter.ToUInt32(message, at), null));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {wireType} is not one OTLP uses.");
            }
        }
        return fields;
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
