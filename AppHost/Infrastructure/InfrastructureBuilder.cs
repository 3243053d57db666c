namespace Provisioning.AppHost.Infrastructure;

public static class InfrastructureBuilder
{
    /// <summary>
    /// One PostgreSQL server with scimdb and policydb, and one Redis: containers where a
    /// container runtime answers, the machine's own server programs where none does. The
    /// projects reference the same connection-string names either way, and each service logs in
    /// to its own database as its own role (<see cref="DatabaseOwners"/>); only the AppHost holds
    /// the superuser's password.
    /// </summary>
    public static InfrastructureResources AddInfrastructure(
        this IDistributedApplicationBuilder builder, AppSecrets secrets, string dataRoot)
    {
        var mode = InfrastructureModeDetection.Resolve(builder.Configuration);
        var durable = builder.Configuration.GetValue("Infrastructure:Durable", defaultValue: true);
        var postgresPassword = secrets.Parameter("postgres-password");
        var redisPassword = secrets.Parameter("redis-password");
        var scimDbPassword = secrets.Parameter("scimdb-password");
        var policyDbPassword = secrets.Parameter("policydb-password");
        OwnedDatabase[] databases =
        [
            new("scimdb", DatabaseRoles.ScimService, secrets.Value("scimdb-password")),
            new("policydb", DatabaseRoles.PolicyService, secrets.Value("policydb-password")),
        ];

        if (mode == InfrastructureMode.Container)
        {
            var postgres = builder.AddPostgres("postgres", password: postgresPassword).WithDataVolume();
            var setup = builder.AddDatabaseSetupCheck(
                async cancellationToken => (await postgres.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken))!, databases);
            postgres.WithHealthCheck(setup);
            var redis = builder.AddRedis("redis", password: redisPassword).WithDataVolume();
            var endpoint = postgres.Resource.PrimaryEndpoint;
            IResourceBuilder<IResourceWithConnectionString> ContainerDatabase(OwnedDatabase database, IResourceBuilder<ParameterResource> password) =>
                builder.AddConnectionString(database.Name, ReferenceExpression.Create(
                    $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username={database.Role};Password={password.Resource};Database={database.Name}"));
            return new InfrastructureResources(
                mode,
                new(ContainerDatabase(databases[0], scimDbPassword), postgres),
                new(ContainerDatabase(databases[1], policyDbPassword), postgres),
                new(redis, redis));
        }

        var localPostgres = builder.AddLocalPostgres(dataRoot, secrets.Value("postgres-password"), durable, databases, out var postgresPort);
        var localRedis = builder.AddLocalRedis(dataRoot, secrets.Value("redis-password"), out var redisPort);

        IResourceBuilder<IResourceWithConnectionString> LocalDatabase(OwnedDatabase database, IResourceBuilder<ParameterResource> password) =>
            builder.AddConnectionString(database.Name, ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username={database.Role};Password={password.Resource};Database={database.Name}"));

        var redisConnection = builder.AddConnectionString("redis", ReferenceExpression.Create(
            $"127.0.0.1:{redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture)},password={redisPassword.Resource}"));

        return new InfrastructureResources(
            mode,
            new(LocalDatabase(databases[0], scimDbPassword), localPostgres),
            new(LocalDatabase(databases[1], policyDbPassword), localPostgres),
            new(redisConnection, localRedis));
    }
}

/// <summary>The PostgreSQL role each service logs in as (the names docs/operations.md and deploy/kubernetes use).</summary>
public static class DatabaseRoles
{
    public const string ScimService = "scim_service";
    public const string PolicyService = "policy_service";
}
