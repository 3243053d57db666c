using System.Diagnostics;
using System.Globalization;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// YARP alone (<c>bench/YarpAlone</c>) in front of ScimService: the Gateway's framework on the Gateway's hop,
/// with the Gateway's runtime settings and none of its work, so the benchmark can tell the Gateway's own cost
/// from what its framework costs against nginx.
/// </summary>
public sealed class YarpAlone : SideProxy
{
    private readonly StringWriter _told;

    private YarpAlone(Process process, Uri url, StringWriter told) : base(process, url, "YARP alone")
    {
        _told = told;
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
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("YARP alone did not start.");
        var told = new StringWriter();
        process.ErrorDataReceived += (_, line) => { lock (told) { told.WriteLine(line.Data); } };
        process.BeginErrorReadLine();
        var yarp = new YarpAlone(process, new Uri($"http://127.0.0.1:{port}"), told);
        await WaitUntilListeningAsync(process, port, "YARP alone", yarp.WhatItToldAsync);
        return yarp;
    }

    protected override Task<string> WhatItToldAsync()
    {
        lock (_told)
        {
            return Task.FromResult(_told.ToString());
        }
    }

    // SIGTERM: the host's graceful stop.
    protected override void Stop(Process process) =>
        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
}
