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
            var server = ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)}");
            return new InfrastructureResources(
                mode,
                new(builder.AddOwnedDatabase(databases[0], scimDbPassword, server), postgres),
                new(builder.AddOwnedDatabase(databases[1], policyDbPassword, server), postgres),
                new(redis, redis));
        }

        var localPostgres = builder.AddLocalPostgres(dataRoot, secrets.Value("postgres-password"), durable, databases, out var postgresPort);
        var localRedis = builder.AddLocalRedis(dataRoot, secrets.Value("redis-password"), out var redisPort);
        var localServer = ReferenceExpression.Create($"Host=127.0.0.1;Port={postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        var redisConnection = builder.AddConnectionString("redis", ReferenceExpression.Create(
            $"127.0.0.1:{redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture)},password={redisPassword.Resource}"));

        return new InfrastructureResources(
            mode,
            new(builder.AddOwnedDatabase(databases[0], scimDbPassword, localServer), localPostgres),
            new(builder.AddOwnedDatabase(databases[1], policyDbPassword, localServer), localPostgres),
            new(redisConnection, localRedis));
    }

    /// <summary>A service's connection string on <paramref name="server"/> (host and port): its own role, password and database.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddOwnedDatabase(
        this IDistributedApplicationBuilder builder, OwnedDatabase database, IResourceBuilder<ParameterResource> password, ReferenceExpression server) =>
        builder.AddConnectionString(database.Name, ReferenceExpression.Create($"{server};Username={database.Role};Password={password.Resource};Database={database.Name}"));
}

/// <summary>The PostgreSQL role each service logs in as (the names docs/operations.md and deploy/kubernetes use).</summary>
public static class DatabaseRoles
{
    public const string ScimService = "scim_service";
    public const string PolicyService = "policy_service";
}
