namespace Provisioning.AppHost.Infrastructure;

public static class InfrastructureBuilder
{
    /// <summary>
    /// One PostgreSQL server with scimdb and policydb, and one Redis: containers where a
    /// container runtime answers, the machine's own server programs where none does. The
    /// projects reference the same connection-string names either way.
    /// </summary>
    public static InfrastructureResources AddInfrastructure(
        this IDistributedApplicationBuilder builder, AppSecrets secrets, string dataRoot)
    {
        var mode = InfrastructureModeDetection.Resolve(builder.Configuration);
        var durable = builder.Configuration.GetValue("Infrastructure:Durable", defaultValue: true);
        var postgresPassword = secrets.Parameter("postgres-password");
        var redisPassword = secrets.Parameter("redis-password");

        if (mode == InfrastructureMode.Container)
        {
            var postgres = builder.AddPostgres("postgres", password: postgresPassword).WithDataVolume();
            var redis = builder.AddRedis("redis", password: redisPassword).WithDataVolume();
            var scimDb = postgres.AddDatabase("scimdb");
            var policyDb = postgres.AddDatabase("policydb");
            return new InfrastructureResources(
                mode,
                new(scimDb, scimDb),
                new(policyDb, policyDb),
                new(redis, redis));
        }

        var localPostgres = builder.AddLocalPostgres(dataRoot, secrets.Value("postgres-password"), durable, ["scimdb", "policydb"], out var postgresPort);
        var localRedis = builder.AddLocalRedis(dataRoot, secrets.Value("redis-password"), out var redisPort);

        IResourceBuilder<IResourceWithConnectionString> Database(string name) => builder.AddConnectionString(name, ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username=postgres;Password={postgresPassword.Resource};Database={name}"));

        var redisConnection = builder.AddConnectionString("redis", ReferenceExpression.Create(
            $"127.0.0.1:{redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture)},password={redisPassword.Resource}"));

        return new InfrastructureResources(
            mode,
            new(Database("scimdb"), localPostgres),
            new(Database("policydb"), localPostgres),
            new(redisConnection, localRedis));
    }
}
