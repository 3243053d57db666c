using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Provisioning.Tests.Deployment;

/// <summary>
/// Container mode cannot run on a machine without a container runtime, but its application model
/// can be read: there too each service reaches its database as its own role, and only the
/// PostgreSQL container holds the superuser's password.
/// </summary>
public sealed class ContainerModeDatabaseTests
{
    [Fact]
    public async Task InContainerModeEachServiceConnectsAsItsOwnRoleAndTheServerSetsTheRolesUp()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("provisioning-container-model-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [$"Infrastructure:DataDirectory={dataDirectory}", "Infrastructure:Mode=container"]);
            var connectionStrings = builder.Resources.OfType<ConnectionStringResource>().ToDictionary(r => r.Name, r => r.ConnectionStringExpression.ValueExpression);

            Assert.Contains("Username=scim_service;Password={scimdb-password.value};Database=scimdb", connectionStrings["scimdb"], StringComparison.Ordinal);
            Assert.Contains("Username=policy_service;Password={policydb-password.value};Database=policydb", connectionStrings["policydb"], StringComparison.Ordinal);
            Assert.DoesNotContain(connectionStrings.Values, value => value.Contains("postgres-password", StringComparison.Ordinal));
            var postgres = builder.Resources.OfType<PostgresServerResource>().Single();
            Assert.Contains(postgres.Annotations.OfType<HealthCheckAnnotation>(), check => check.Key == "postgres-databases-ready");
            Assert.Empty(builder.Resources.OfType<PostgresDatabaseResource>());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
