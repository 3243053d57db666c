using System.Diagnostics;
using static Provisioning.Tests.Integration.Infrastructure.OtlpProtobuf;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>One span as a service exported it: which service, which instrumentation (its scope), its name, and a database command's text.</summary>
public sealed record ExportedSpan(string Service, string Scope, string Name, string? QueryText);

/// <summary>
/// Reads the spans of one trace out of the OTLP/protobuf bodies the <see cref="TelemetryReceiver"/> kept:
/// <c>ExportTraceServiceRequest</c> → resource spans (the service's <c>service.name</c>) → scope spans
/// (the instrumentation's name, "Npgsql" for database commands) → spans (trace id, name), through
/// <see cref="OtlpProtobuf"/>.
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
            foreach (var resourceSpans in Messages(export.Body, 1))
            {
                var service = Messages(resourceSpans, 1).Select(resource => Attribute(resource, 1, "service.name")).FirstOrDefault() ?? "";
                foreach (var scopeSpans in Messages(resourceSpans, 2))
                {
                    var scope = Messages(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                    spans.AddRange(Messages(scopeSpans, 2)
                        .Where(span => Messages(span, 1).Any(id => id.AsSpan().SequenceEqual(wanted)))
                        .Select(span => new ExportedSpan(service, scope, Text(span, 5) ?? "", Attribute(span, 9, "db.query.text") ?? Attribute(span, 9, "db.statement"))));
                }
            }
        }
        return spans;
    }
}
