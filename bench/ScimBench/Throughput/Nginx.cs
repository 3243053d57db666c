using System.Diagnostics;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// nginx with one worker and keep-alive to the upstream, in front of ScimService: the hop the Gateway
/// makes, done by a proxy that does nothing else, as the yardstick for the Gateway's own cost.
/// </summary>
public sealed class Nginx : SideProxy
{
    private readonly string _directory;

    // SIGQUIT: nginx's graceful stop, workers included.
    private Nginx(Process process, Uri url, string directory) : base(process, url, "nginx", "QUIT")
    {
        _directory = directory;
    }

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
        await WaitUntilListeningAsync(process, port, "nginx", process.StandardError.ReadToEndAsync);
        return new Nginx(process, new Uri($"http://127.0.0.1:{port}"), directory);
    }

    protected override Task<string> WhatItToldAsync() => File.ReadAllTextAsync(Path.Combine(_directory, "error.log"));
}
