namespace Provisioning.AppHost;

public static class GatewayPort
{
    /// <summary>
    /// The Gateway listens on <c>Gateway:Port</c> (8080 by default) so IdPs and scripts have a
    /// stable address; 0 takes a free one, as the tests do. With one replica it listens there itself.
    /// </summary>
    public static void Apply(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway) =>
        gateway.WithDirectHttpEndpoint(builder, "Gateway", builder.Configuration.GetValue("Gateway:Port", 8080));

    /// <summary>
    /// The TLS terminators in front of the Gateway (<c>Gateway:TrustedProxies</c>: addresses or CIDR
    /// networks), whose X-Forwarded-* it honours. None given: none in production, loopback in development.
    /// </summary>
    public static void ApplyTrustedProxies(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        var proxies = builder.Configuration.GetSection("Gateway:TrustedProxies").Get<string[]>() ?? [];
        for (var i = 0; i < proxies.Length; i++)
        {
            gateway.WithEnvironment($"Gateway__TrustedProxies__{i}", proxies[i]);
        }
    }

    public static string PublicUrl(IResourceBuilder<ProjectResource> gateway) =>
        gateway.GetEndpoint("http").Url;
}
