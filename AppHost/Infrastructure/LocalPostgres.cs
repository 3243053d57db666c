using System.Security.Cryptography;
using System.Text;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>PostgreSQL as an executable resource: the machine's server binary, data in the data folder.</summary>
public static class LocalPostgres
{
    public static IResourceBuilder<ExecutableResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string dataRoot, string password, bool durable, IReadOnlyList<OwnedDatabase> databases, out int port)
    {
        var bin = ServerBinaries.PostgresBinDirectory();
        var dataDirectory = Path.Combine(PostgresRoot(dataRoot), "postgres");
        InitializeCluster(bin, dataDirectory, password);
        StopOrphanedServer(bin, dataDirectory);

        port = LocalProcess.FreeLoopbackPort();
        string[] settings =
        [
            "-D", dataDirectory,
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
            // Test runs throw their data away: no fsync. Commits still reach the WAL before they are
            // acknowledged (synchronous_commit stays on), so a killed server loses no acknowledged write.
            .. (durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "full_page_writes=off"]),
            // The throughput benchmark (bench/throughput) counts the statements each request costs.
            .. (builder.Configuration.GetValue("Infrastructure:PostgresStatementStatistics", false)
                ? ["-c", "shared_preload_libraries=pg_stat_statements"]
                : Array.Empty<string>()),
            // ... and reports what stalled the server while it measured: statements and autovacuums over a second,
            // lock waits over a second, checkpoints. Statements are logged without their parameters.
            .. (builder.Configuration.GetValue("Infrastructure:PostgresDiagnostics", false)
                ? ["-c", "log_min_duration_statement=1000", "-c", "log_parameter_max_length=0", "-c", "log_lock_waits=on",
                   "-c", "log_checkpoints=on", "-c", "log_autovacuum_min_duration=1000"]
                : Array.Empty<string>()),
        ];
        var (command, args) = LocalProcess.AsPostgresUser(Path.Combine(bin, "postgres"), settings);

        var serverConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Timeout=3";
        var healthCheck = builder.AddDatabaseSetupCheck(_ => Task.FromResult(serverConnectionString), databases);

        return builder.AddExecutable("postgres-server", command, dataDirectory, args)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(healthCheck)
            .WithRestartWhenDied();
    }

    /// <summary>
    /// The postgres user must be able to reach its data. A checkout inside a folder only root
    /// can enter (a mktemp folder, say) keeps its PostgreSQL data in /var/tmp instead.
    /// </summary>
    private static string PostgresRoot(string dataRoot)
    {
        Directory.CreateDirectory(dataRoot);
        if (LocalProcess.PostgresUserCanReach(dataRoot))
        {
            return dataRoot;
        }
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataRoot))))[..16];
        // /var/tmp is world-searchable; the folder itself is handed to the postgres user below.
        var fallback = Path.Combine("/var/tmp/provisioning", name);
        Directory.CreateDirectory(fallback);
        Console.WriteLine($"The postgres user cannot reach {dataRoot}; PostgreSQL keeps its data in {fallback}.");
        return fallback;
    }

    private static void InitializeCluster(string bin, string dataDirectory, string password)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, ".postgres-password");
        PrivateFiles.Write(passwordFile, password);
        LocalProcess.GiveToPostgresUser(dataDirectory);
        LocalProcess.GiveToPostgresUser(passwordFile);
        try
        {
            var (command, args) = LocalProcess.AsPostgresUser(Path.Combine(bin, "initdb"),
                "-D", dataDirectory, "-U", "postgres", "--pwfile", passwordFile,
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8");
            LocalProcess.Run(command, args, "create the PostgreSQL data folder");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>A server left behind by an AppHost that did not stop cleanly still holds the folder.</summary>
    private static void StopOrphanedServer(string bin, string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) || !Directory.Exists($"/proc/{pid}"))
        {
            return;
        }
        var (command, args) = LocalProcess.AsPostgresUser(Path.Combine(bin, "pg_ctl"), "stop", "-D", dataDirectory, "-m", "fast");
        LocalProcess.Run(command, args, "stop a PostgreSQL server left from an earlier run");
    }
}
