using System.Diagnostics;
using System.Net;
using Provisioning.Simulator.Options;
using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Targets;

// The IdP simulator: Okta and Entra conversations against the Gateway, for demos, tests and load.
var (options, error) = CommandLine.Parse(args);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine(CommandLine.Usage);
    return error is null ? 0 : 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// No retrying handler here: the simulator honours 429 and Retry-After itself, as the IdPs do, and counts them.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    // Entra gives up on an answer after 60 s.
    Timeout = TimeSpan.FromSeconds(60),
    DefaultRequestVersion = HttpVersion.Version11,
};

IReadOnlyList<Target> targets;
try
{
    targets = await TargetResolution.ResolveAsync(options, http, stop.Token);
}
catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"Simulating {options.Idp} against {targets.Count} connection(s): {options.Users} users and {options.Groups} groups each"
    + (options.Duration > TimeSpan.Zero ? $", {options.Churn} changes/min for {options.Duration}" : "") + $", at most {options.Rate} req/s each.");
var recorder = new Recorder(Console.Out);
var clock = Stopwatch.StartNew();
await Simulation.RunAsync(options, targets, http, recorder, TimeProvider.System, stop.Token);

var summary = RunSummary.From(recorder.Exchanges, targets.Count, clock.Elapsed);
SummaryPrinter.Print(summary, Console.Out);
if (options.JsonFile is not null)
{
    await SummaryPrinter.WriteJsonAsync(summary, options.JsonFile);
    Console.WriteLine($"The summary is also in {options.JsonFile}.");
}
return summary.Succeeded ? 0 : 1;
