using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Provisioning.Gateway.Forwarding;

/// <summary>
/// Which addresses may tell the Gateway the client's scheme, host and address (X-Forwarded-Proto,
/// -Host, -For): the TLS terminators or load balancers in front of it, from <c>Gateway:TrustedProxies</c>
/// (addresses or CIDR networks). None by default in production, so a client cannot claim https or
/// another address; loopback in development. The Gateway then sets the X-Forwarded-* headers it
/// sends on itself (YARP replaces what the client sent), and signs the public origin for ScimService.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Gateway:TrustedProxies";

    public static void AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        var development = builder.Environment.IsDevelopment();
        builder.Services.Configure<ForwardedHeadersOptions>(options => Configure(options, configured, development));
    }

    /// <summary>
    /// Outside development, says at start that no proxy is trusted: right where the Gateway is the public door
    /// itself, wrong behind a proxy that ends TLS (the Admin UI's cookies lose Secure, no HSTS is sent, and every
    /// client shares the proxy's address limits).
    /// </summary>
    public static void WarnIfNoProxyIsTrusted(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()
            && app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders == ForwardedHeaders.None)
        {
            app.Logger.LogWarning("No trusted proxy is configured ({Section}), so X-Forwarded-* headers are ignored. Behind a proxy or ingress that ends TLS, " +
                "set it to the proxy's addresses: otherwise cookies lose Secure, no HSTS is sent and every client shares the proxy's address limits.", Section);
        }
    }

    public static void Configure(ForwardedHeadersOptions options, IReadOnlyList<string> configured, bool development)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // The obsolete list still holds the loopback default of older versions; nothing in it is trusted either.
#pragma warning disable ASPDEPR005
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        var entries = configured.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (entries.Count == 0 && development)
        {
            entries = ["127.0.0.0/8", "::1/128"];
        }
        if (entries.Count == 0)
        {
            // Empty lists would mean "every address" to the middleware: with no proxy trusted, it reads nothing.
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }
        foreach (var entry in entries)
        {
            if (entry.Contains('/'))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                    ? network
                    : throw new InvalidOperationException($"{Section} has '{entry}', which is no address or CIDR network."));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section} has '{entry}', which is no address or CIDR network."));
            }
        }
    }
}
