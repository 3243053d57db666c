using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// nginx with one worker and keep-alive to the upstream, in front of ScimService: the hop the Gateway
/// makes, done by a proxy that does nothing else, as the yardstick for the Gateway's own cost.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string _directory;

    private Nginx(Process process, Uri url, string directory)
    {
        _process = process;
        Url = url;
        _directory = directory;
    }

    public Uri Url { get; }

    public static async Task<Nginx> StartAsync(Uri upstream, string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "nginx");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream scim { server {{(upstream.IsLoopback ? "127.0.0.1" : upstream.Host)}}:{{upstream.Port}}; keepalive 64; }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://scim;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", directory]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("nginx did not start.");
        var url = new Uri($"http://127.0.0.1:{port}");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new Nginx(process, url, directory);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("nginx did not listen: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>One GET through nginx with a signed context; a failure says what nginx logged.</summary>
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
            throw new InvalidOperationException($"nginx → ScimService answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"nginx → ScimService failed ({e.Message}); nginx logged: {await File.ReadAllTextAsync(Path.Combine(_directory, "error.log"))}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGQUIT: nginx's graceful stop, workers included.
            Process.Start("kill", ["-QUIT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
