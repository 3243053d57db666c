using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Provisioning.Gateway.Forwarding;

namespace Provisioning.Tests.Unit.Gateway;

public sealed class TrustedProxiesTests
{
    [Fact]
    public void InProductionNoProxyIsTrustedUnlessConfigured()
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, [], development: false);
        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
    }

    [Fact]
    public void InDevelopmentLoopbackIsTrusted()
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, [], development: true);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void ConfiguredAddressesAndNetworksReplaceTheDefault()
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, ["10.0.0.0/8", "192.0.2.10"], development: true);
        Assert.Equal([IPAddress.Parse("192.0.2.10")], options.KnownProxies);
        Assert.DoesNotContain(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Parse("10.1.2.3")));
    }

    [Fact]
    public void AnEntryThatIsNoAddressStopsStartUpWithItsValue()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Configure(new ForwardedHeadersOptions(), ["proxy.internal"], development: false));
        Assert.Contains("'proxy.internal'", failure.Message);
    }
}

public sealed class TrustedProxiesMiddlewareTests
{
    [Theory]
    [InlineData(false, "http", "gateway.internal")]
    [InlineData(true, "https", "scim.acme.example")]
    public async Task ForwardedHeadersFromLoopbackApplyOnlyWhereLoopbackIsTrusted(bool development, string scheme, string host)
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Configure(options, [], development);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Scheme = "http";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("gateway.internal");
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["X-Forwarded-Host"] = "scim.acme.example";
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.23";
        var middleware = new Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware(
            _ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options));

        await middleware.Invoke(context);

        Assert.Equal(scheme, context.Request.Scheme);
        Assert.Equal(host, context.Request.Host.Value);
    }
}
