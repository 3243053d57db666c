using Provisioning.AppHost.Infrastructure;

namespace Provisioning.AppHost;

public static class DirectEndpoints
{
    /// <summary>
    /// A project with one replica listens on its own port, with no orchestrator proxy in front: the
    /// proxy would add a hop (CPU and a copy of every byte) to every SCIM request and balance nothing.
    /// The port is fixed for the AppHost's lifetime, so a restarted service is found where it was.
    /// With replicas the proxy stays: it is what spreads the requests over them.
    /// </summary>
    /// <param name="port">The port to listen on; null or 0 takes a free one.</param>
    public static IResourceBuilder<ProjectResource> WithDirectHttpEndpoint(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, string section, int? port = null)
    {
        if (Replicas.Count(builder, section) > 1)
        {
            return port is null ? project : project.WithEndpoint("http", endpoint => endpoint.Port = port > 0 ? port : null);
        }
        var listen = port is > 0 ? port.Value : LocalProcess.FreeLoopbackPort();
        return project.WithEndpoint("http", endpoint =>
        {
            endpoint.Port = listen;
            endpoint.TargetPort = listen;
            endpoint.IsProxied = false;
        });
    }
}
