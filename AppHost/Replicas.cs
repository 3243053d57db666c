namespace Provisioning.AppHost;

public static class Replicas
{
    /// <summary>
    /// How many copies of a project run: <c>{section}:Replicas</c> in configuration (default 1),
    /// e.g. <c>Gateway:Replicas=2</c> (or the environment variable <c>Gateway__Replicas=2</c>).
    /// The orchestrator's proxy balances a resource's endpoint over its replicas, and service
    /// discovery hands every replica's address to the callers.
    /// </summary>
    public static int Count(IDistributedApplicationBuilder builder, string section)
    {
        var count = builder.Configuration.GetValue($"{section}:Replicas", 1);
        return count >= 1 ? count : throw new InvalidOperationException($"{section}:Replicas must be 1 or more; it is {count}.");
    }

    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, string section)
    {
        var count = Count(builder, section);
        return count == 1 ? project : project.WithReplicas(count);
    }
}
