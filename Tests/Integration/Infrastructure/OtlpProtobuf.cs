using System.Text;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// Just enough of the protobuf wire format to read the OTLP bodies <see cref="TelemetryReceiver"/> keeps
/// (<see cref="ExportedSpans"/>, <see cref="OtlpMetrics"/>): a message's fields by number, skipping the rest
/// by wire type. Field numbers are those of opentelemetry-proto.
/// </summary>
public static class OtlpProtobuf
{
    /// <summary>The embedded messages (or bytes) of one field number.</summary>
    public static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.Bytes is not null).Select(f => f.Bytes!);

    public static string? Text(byte[] message, int field) =>
        Messages(message, field).Select(bytes => Encoding.UTF8.GetString(bytes)).FirstOrDefault();

    public static long Fixed64(byte[] message, int field) =>
        Fields(message).Where(f => f.Number == field && f.WireType == 1).Select(f => (long)f.Value).FirstOrDefault();

    /// <summary>Every KeyValue (key 1, AnyValue 2 with its string value 1) in the message's field, as key and string value.</summary>
    public static IEnumerable<(string? Key, string? Value)> Attributes(byte[] message, int field) =>
        Messages(message, field).Select(kv => (Text(kv, 1), Messages(kv, 2).Select(v => Text(v, 1)).FirstOrDefault()));

    /// <summary>One string attribute's value, or null.</summary>
    public static string? Attribute(byte[] message, int field, string key) =>
        Attributes(message, field).Where(a => a.Key == key).Select(a => a.Value).FirstOrDefault();

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
