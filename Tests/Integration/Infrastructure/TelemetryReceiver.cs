using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// An OTLP/HTTP receiver on a loopback port, in the test process: the services export their traces,
/// logs and metrics to it as <c>http/protobuf</c>, the way they export to the Aspire dashboard, and it
/// keeps the raw bodies. Protobuf stores strings as their plain UTF-8 bytes, so a byte search finds a
/// value wherever it was exported: a span name, an attribute, a log message or a metric label.
/// </summary>
public sealed class TelemetryReceiver : IAsyncDisposable
{
    /// <summary>What is kept at most; the oldest bodies go first (a test looks at what its own requests caused).</summary>
    private const long MaxKeptBytes = 128 * 1024 * 1024;

    private readonly ConcurrentQueue<Export> _exports = new();
    private readonly WebApplication _app;
    private long _keptBytes;

    public sealed record Export(string Signal, byte[] Body);

    private TelemetryReceiver(WebApplication app) => _app = app;

    /// <summary>The base address the services export to (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); they add <c>/v1/traces</c> etc.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<TelemetryReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TelemetryReceiver(app);
        foreach (var signal in (string[])["traces", "logs", "metrics"])
        {
            app.MapPost("/v1/" + signal, (HttpRequest request) => receiver.ReceiveAsync(signal, request));
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>Every body received of the signal (traces, logs, metrics), or of all of them.</summary>
    public IReadOnlyList<Export> Exports(string? signal = null) => [.. _exports.Where(e => signal is null || e.Signal == signal)];

    /// <summary>Whether one body of the signal holds every one of the values.</summary>
    public bool Saw(string signal, params string[] values) =>
        Exports(signal).Any(export => values.All(value => Holds(export.Body, value)));

    /// <summary>The signals whose bodies hold the value anywhere.</summary>
    public IReadOnlyList<string> WhereFound(string value) =>
        [.. Exports().Where(export => Holds(export.Body, value)).Select(export => export.Signal).Distinct()];

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        var content = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await content.CopyToAsync(body);
        _exports.Enqueue(new Export(signal, body.ToArray()));
        for (var kept = Interlocked.Add(ref _keptBytes, body.Length); kept > MaxKeptBytes && _exports.TryDequeue(out var oldest);)
        {
            kept = Interlocked.Add(ref _keptBytes, -oldest.Body.Length);
        }
        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private static bool Holds(byte[] body, string value) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;
}
