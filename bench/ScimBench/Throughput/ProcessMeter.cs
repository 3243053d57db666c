using System.Globalization;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// CPU time and resident memory of this benchmark's system, by role: the four services (this checkout's
/// builds), PostgreSQL (the server on the benchmark's port and its backends), Redis (on its port),
/// Aspire's orchestrator and endpoint proxies (the dcp processes above the services), nginx and YARP alone. Read
/// from /proc, so a reading costs nothing the system would notice, and other checkouts' systems on the
/// same machine are left out.
/// </summary>
public sealed class ProcessMeter(string repositoryRoot, int postgresPort, int redisPort)
{
    public static readonly string[] Roles = ["gateway", "scimservice", "policyservice", "adminui", "postgres", "redis", "dcp", "nginx", "yarp-alone"];
    private static readonly string[] Services = ["Gateway", "ScimService", "PolicyService", "AdminUi"];

    /// <summary>CPU milliseconds per role: user + system, plus reaped children (PostgreSQL's ended backends).</summary>
    public Dictionary<string, double> CpuMilliseconds()
    {
        const double ticksPerSecond = 100.0; // USER_HZ on Linux
        var totals = Roles.ToDictionary(r => r, _ => 0.0);
        foreach (var (role, process) in Classify())
        {
            totals[role] += process.CpuTicks * 1000.0 / ticksPerSecond;
        }
        return totals;
    }

    /// <summary>Resident memory in MB per .NET service (the sum over its replicas), and of YARP alone: the least an ASP.NET Core process holds after the same load.</summary>
    public Dictionary<string, double> ResidentMegabytes()
    {
        var totals = new Dictionary<string, double>();
        foreach (var (role, process) in Classify())
        {
            if ((role == "yarp-alone" || Services.Any(s => s.Equals(role, StringComparison.OrdinalIgnoreCase))) && ResidentKilobytes(process.Pid) is { } kb)
            {
                totals[role] = totals.GetValueOrDefault(role) + kb / 1024.0;
            }
        }
        return totals;
    }

    private sealed record ProcessStat(int Pid, int ParentPid, string Name, string CommandLine, long CpuTicks);

    private List<(string Role, ProcessStat Process)> Classify()
    {
        var all = new List<ProcessStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } stat)
            {
                all.Add(stat);
            }
        }
        var byPid = all.ToDictionary(p => p.Pid);
        var children = all.ToLookup(p => p.ParentPid);
        var found = new List<(string, ProcessStat)>();
        var dcp = new HashSet<int>();
        foreach (var process in all)
        {
            if (Services.FirstOrDefault(s => process.CommandLine.Contains($"{repositoryRoot}/{s}/bin/", StringComparison.Ordinal)) is { } service)
            {
                found.Add((service.ToLowerInvariant(), process));
                // The orchestrator that started it (through `dotnet run`), and its proxies beside it.
                for (var up = process.ParentPid; byPid.TryGetValue(up, out var parent) && up > 1; up = parent.ParentPid)
                {
                    if (parent.Name.StartsWith("dcp", StringComparison.Ordinal))
                    {
                        dcp.Add(up);
                    }
                }
            }
            else if (process.Name == "postgres" && process.CommandLine.Contains($" -p {postgresPort} ", StringComparison.Ordinal))
            {
                found.AddRange(Subtree(process, children).Select(p => ("postgres", p)));
            }
            else if (process.Name == "redis-server" && process.CommandLine.Contains($":{redisPort}", StringComparison.Ordinal))
            {
                found.Add(("redis", process));
            }
            else if (process.Name == "nginx" && IsOurs(process, byPid))
            {
                found.Add(("nginx", process));
            }
            else if (process.CommandLine.Contains($"{repositoryRoot}/bench/YarpAlone/bin/", StringComparison.Ordinal) && IsOurs(process, byPid))
            {
                found.Add(("yarp-alone", process));
            }
        }
        var orchestrators = dcp.SelectMany(pid => Subtree(byPid[pid], children)).Where(p => p.Name.StartsWith("dcp", StringComparison.Ordinal)).DistinctBy(p => p.Pid);
        found.AddRange(orchestrators.Select(p => ("dcp", p)));
        return found;
    }

    private static IEnumerable<ProcessStat> Subtree(ProcessStat root, ILookup<int, ProcessStat> children)
    {
        var pending = new Stack<ProcessStat>([root]);
        while (pending.TryPop(out var process))
        {
            yield return process;
            foreach (var child in children[process.Pid])
            {
                pending.Push(child);
            }
        }
    }

    private static bool IsOurs(ProcessStat process, Dictionary<int, ProcessStat> byPid)
    {
        for (var up = process.ParentPid; up > 1 && byPid.TryGetValue(up, out var parent); up = parent.ParentPid)
        {
            if (up == Environment.ProcessId)
            {
                return true;
            }
        }
        return false;
    }

    private static ProcessStat? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The name is in parentheses and may hold spaces; the fields after it are plain numbers.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            var cpu = Field(14) + Field(15) + Field(16) + Field(17); // utime, stime, cutime, cstime
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return new ProcessStat(pid, (int)Field(4), stat[(open + 1)..close], commandLine, cpu);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null; // The process ended while we read it.
        }
    }

    private static double? ResidentKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
