namespace Provisioning.AppHost;

/// <summary>
/// Opt-in (<c>Simulator:Enabled=true</c>, off by default): the IdP simulator as a resource, an Okta and an
/// Entra tenant pushing people and groups into the demo organization with churn, so the directory, the
/// log, the Overview chart and this dashboard have something to show. <c>Simulator:Arguments</c> shapes it.
/// </summary>
public static class SimulatorResource
{
    public static void AddWhenEnabled(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, string dataRoot)
    {
        if (!builder.Configuration.GetValue("Simulator:Enabled", false))
        {
            return;
        }
        var arguments = (builder.Configuration["Simulator:Arguments"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        builder.AddProject<Projects.Simulator>("simulator")
            .WithArgs([.. arguments, "--credentials", Path.Combine(dataRoot, "credentials.json")])
            .WithReference(gateway).WaitFor(gateway);
    }
}
