using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// A proxy the benchmark starts beside the system, in front of ScimService, to measure the Gateway's hop
/// against: requests through it carry a tenant context the benchmark signed, as the Gateway would add it.
/// </summary>
/// <param name="stopSignal">The signal that stops it gracefully (<c>kill -SIGNAL</c>).</param>
public abstract class SideProxy(Process process, Uri url, string name, string stopSignal) : IAsyncDisposable
{
    public Uri Url { get; } = url;

    /// <summary>One GET through the proxy; a failure says what the proxy told.</summary>
    public async Task CheckAsync(string path, Func<string, string, string> sign)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(Provisioning.Contracts.InternalHeaders.Context, sign("GET", path));
        try
        {
            using var response = await client.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            throw new InvalidOperationException($"{name} → ScimService answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"{name} → ScimService failed ({e.Message}); {name} told: {await WhatItToldAsync()}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Process.Start("kill", [$"-{stopSignal}", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        process.Dispose();
    }

    /// <summary>Its log, or where to find what it wrote.</summary>
    protected abstract Task<string> WhatItToldAsync();

    protected static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the process listens on <paramref name="port"/>; if it never does, stops it and says why.</summary>
    protected static async Task WaitUntilListeningAsync(Process process, int port, string name, Func<Task<string>> told)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                break;
            }
        }
        if (!process.HasExited)
        {
            process.Kill();
        }
        throw new InvalidOperationException($"{name} did not listen: " + await told());
    }
}
