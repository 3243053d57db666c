namespace Provisioning.AppHost;

public static class GatewayPort
{
    /// <summary>
    /// The Gateway listens on <c>Gateway:Port</c> (8080 by default) so IdPs and scripts have a
    /// stable address; 0 takes a free one, as the tests do. With one replica it listens there itself.
    /// </summary>
    public static void Apply(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway) =>
        gateway.WithDirectHttpEndpoint(builder, "Gateway", builder.Configuration.GetValue("Gateway:Port", 8080));

    public static string PublicUrl(IResourceBuilder<ProjectResource> gateway) =>
        gateway.GetEndpoint("http").Url;
}
