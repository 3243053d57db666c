namespace Provisioning.AppHost.Infrastructure;

/// <summary>
/// A database or cache as the projects see it: a connection string to reference, and the
/// resource whose health says it can be used. In container mode they are the same resource;
/// in local mode the connection string points at a server process that must be waited for.
/// </summary>
public sealed record InfrastructureResource(
    IResourceBuilder<IResourceWithConnectionString> ConnectionString,
    IResourceBuilder<IResource> Server);

public sealed record InfrastructureResources(
    InfrastructureMode Mode,
    InfrastructureResource ScimDb,
    InfrastructureResource PolicyDb,
    InfrastructureResource Redis);

public static class InfrastructureReferences
{
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> project, InfrastructureResource resource)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        project.WithReference(resource.ConnectionString).WaitFor(resource.Server);
}
