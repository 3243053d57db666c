namespace Provisioning.AppHost.Infrastructure;

/// <summary>Redis as an executable resource: the machine's redis-server, data in the data folder.</summary>
public static class LocalRedis
{
    public static IResourceBuilder<ExecutableResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string dataRoot, string password, out int port)
    {
        var redisServer = ServerBinaries.RedisServer();
        var dataDirectory = Path.Combine(dataRoot, "redis");
        Directory.CreateDirectory(dataDirectory);
        port = LocalProcess.FreeLoopbackPort();

        // The password goes in a private config file, not on the command line where ps shows it.
        var configFile = Path.Combine(dataDirectory, "redis.conf");
        PrivateFiles.Write(configFile, string.Join('\n',
        [
            $"port {port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize no",
            $"dir {dataDirectory}",
            $"requirepass {password}",
            // Redis is only a cache here (PostgreSQL is the record): nothing to keep across restarts,
            // and no stale entry can come back after one.
            "save \"\"",
            "appendonly no",
        ]) + "\n");

        var healthCheck = "redis-answers";
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{port},password={password},connectTimeout=2000", name: healthCheck);

        return builder.AddExecutable("redis-server", redisServer, dataDirectory, configFile)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(healthCheck)
            .WithRestartWhenDied();
    }
}
