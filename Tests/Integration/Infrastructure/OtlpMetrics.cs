using static Provisioning.Tests.Integration.Infrastructure.OtlpProtobuf;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// Reads the OTLP/protobuf metrics bodies <see cref="TelemetryReceiver"/> keeps, just far enough to read a
/// counter: ExportMetricsServiceRequest → ResourceMetrics → ScopeMetrics (scope name) → Metric (name) → Sum
/// → NumberDataPoint (attributes, value), through <see cref="OtlpProtobuf"/>; field numbers from metrics.proto.
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
                        var attributes = Attributes(point, 7).ToList();
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
}
