using System.Diagnostics;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// YARP alone (<c>bench/YarpAlone</c>) in front of ScimService: the Gateway's framework on the Gateway's hop,
/// with the Gateway's runtime settings and none of its work, so the benchmark can tell the Gateway's own cost
/// from what its framework costs against nginx. It logs nothing; what it writes to standard error (a crash)
/// goes to the benchmark's own.
/// </summary>
public sealed class YarpAlone : SideProxy
{
    // SIGTERM: the host's graceful stop.
    private YarpAlone(Process process, Uri url) : base(process, url, "YARP alone", "TERM")
    {
    }

    public static async Task<YarpAlone> StartAsync(Uri upstream, string repositoryRoot)
    {
        var assembly = Path.Combine(repositoryRoot, "bench/YarpAlone/bin/Release/net10.0/YarpAlone.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: bench/throughput/run.sh builds it.");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [assembly, upstream.GetLeftPart(UriPartial.Authority)])
        {
            Environment = { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("YARP alone did not start.");
        var yarp = new YarpAlone(process, new Uri($"http://127.0.0.1:{port}"));
        await WaitUntilListeningAsync(process, port, "YARP alone", yarp.WhatItToldAsync);
        return yarp;
    }

    protected override Task<string> WhatItToldAsync() => Task.FromResult("its standard error is above");
}
