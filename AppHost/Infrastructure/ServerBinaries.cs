namespace Provisioning.AppHost.Infrastructure;

/// <summary>Finds the machine's PostgreSQL and Redis server programs for local mode.</summary>
public static class ServerBinaries
{
    public const string InstallHint =
        "Install them with: sudo apt-get install -y postgresql redis-server (./run.sh does this), "
        + "or start a container runtime such as Docker.";

    public static string PostgresBinDirectory()
    {
        var onPath = FindOnPath("postgres");
        if (onPath is not null)
        {
            // Debian links only some programs onto PATH; initdb lives beside the real binary.
            return Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath)!;
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "No container runtime answers and no PostgreSQL server program was found. " + InstallHint);
    }

    public static string RedisServer() =>
        FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "No container runtime answers and no redis-server program was found. " + InstallHint);

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
