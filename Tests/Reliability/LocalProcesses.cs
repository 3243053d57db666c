using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// The operating-system processes behind the AppHost's resources, for faults a real machine has:
/// a process killed outright (SIGKILL), a server frozen (SIGSTOP/SIGCONT on it and its children).
/// </summary>
public static class LocalProcesses
{
    /// <summary>The running processes of a resource: one per replica.</summary>
    public static async Task<IReadOnlyList<(string ResourceId, int Pid)>> OfAsync(DistributedApplication app, string resourceName)
    {
        var found = new Dictionary<string, int>();
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            // WatchAsync replays every resource's current state first.
            await foreach (var update in app.ResourceNotifications.WatchAsync(window.Token))
            {
                if (update.Resource.Name != resourceName)
                {
                    continue;
                }
                var pid = update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
                if (update.Snapshot.State?.Text == KnownResourceStates.Running && pid is not null)
                {
                    found[update.ResourceId] = Convert.ToInt32(pid, CultureInfo.InvariantCulture);
                }
                else
                {
                    found.Remove(update.ResourceId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The replay is over.
        }
        return [.. found.Where(p => Directory.Exists($"/proc/{p.Value}")).Select(p => (p.Key, p.Value))];
    }

    public static async Task<int> PidOfAsync(DistributedApplication app, string resourceName) =>
        (await OfAsync(app, resourceName)) is [var only, ..] ? only.Pid : throw new InvalidOperationException($"{resourceName} has no running process.");

    /// <summary>
    /// SIGKILL to a process and everything it started: a project runs under <c>dotnet run</c>, whose
    /// child is the service itself.
    /// </summary>
    public static void Kill(int pid) => Signal("KILL", WithDescendants(pid));

    /// <summary>SIGSTOP on a server and every process it started: PostgreSQL's backends answer queries, not the postmaster.</summary>
    public static IReadOnlyList<int> Freeze(int pid)
    {
        var tree = WithDescendants(pid);
        Signal("STOP", tree);
        return tree;
    }

    public static void Thaw(IReadOnlyList<int> tree) => Signal("CONT", tree);

    /// <summary>Resident memory in bytes (VmRSS) of a process and its descendants: the service under its <c>dotnet run</c>.</summary>
    public static long ResidentBytes(int pid) => WithDescendants(pid).Sum(p => ResidentBytesOf(p) ?? 0);

    private static long? ResidentBytesOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static List<int> WithDescendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static void Signal(string signal, IEnumerable<int> pids)
    {
        using var kill = Process.Start("kill", [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        kill.WaitForExit();
    }
}
