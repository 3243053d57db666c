using Provisioning.AppHost.Infrastructure;

namespace Provisioning.AppHost;

/// <summary>
/// Each service's database is migrated before the service starts, by the service's own build run with
/// <c>--migrate-only</c>, as the Kubernetes Job does before a release's pods (deploy/kubernetes/base/migration-job.yaml).
/// The service then finds nothing pending and skips EF's migration machinery, whose code and data it would keep for
/// good: 3-4 MB of PolicyService and 6-7 MB of ScimService (docs/benchmarks.md, "The young generation's budget, and
/// the native heap"). A service started without this step still migrates itself, under the same lock
/// (DatabaseMigration). The step listens nowhere: no launch profile, no endpoint.
/// </summary>
public static class MigrationStep
{
    public static IResourceBuilder<ProjectResource> WithMigrationStep(
        this IResourceBuilder<ProjectResource> service,
        IDistributedApplicationBuilder builder,
        InfrastructureResource database)
    {
        var migration = builder.AddProject(database.ConnectionString.Resource.Name + "-migration",
                service.Resource.GetProjectMetadata().ProjectPath,
                options =>
                {
                    options.ExcludeLaunchProfile = true;
                    options.ExcludeKestrelEndpoints = true;
                })
            .InAppHostEnvironment(builder)
            // The database alone: the service's other settings (Redis, its keys) are read only once it serves.
            .WithReference(database)
            .WithArgs("--migrate-only");
        return service.WaitForCompletion(migration);
    }
}
