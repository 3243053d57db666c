namespace Provisioning.AppHost;

public static class GatewayPort
{
    /// <summary>
    /// The Gateway listens on <c>Gateway:Port</c> (8080 by default) so IdPs and scripts have a
    /// stable address; 0 lets the orchestrator pick one, as the tests do.
    /// </summary>
    public static void Apply(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        var port = builder.Configuration.GetValue("Gateway:Port", 8080);
        gateway.WithEndpoint("http", endpoint => endpoint.Port = port > 0 ? port : null);
    }

    public static string PublicUrl(IResourceBuilder<ProjectResource> gateway) =>
        gateway.GetEndpoint("http").Url;
}
