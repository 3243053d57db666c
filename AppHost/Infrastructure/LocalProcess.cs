using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>Small helpers for running the machine's server programs from the AppHost.</summary>
public static class LocalProcess
{
    /// <summary>PostgreSQL refuses to run as root; CI and these machines run as root.</summary>
    public static bool RunsAsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    public const string PostgresUser = "postgres";

    /// <summary>
    /// The command line that runs <paramref name="program"/> as the postgres user when we are root.
    /// setpriv execs straight into the program, so stop signals reach it.
    /// </summary>
    public static (string Command, string[] Args) AsPostgresUser(string program, params string[] args) =>
        RunsAsRoot
            ? ("setpriv", [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups", program, .. args])
            : (program, args);

    public static void Run(string command, IEnumerable<string> args, string what)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command} to {what}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} did not finish in time while trying to {what}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not {what}: {command} exited with {process.ExitCode}.\n{output.Result}\n{error.Result}");
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Hands a folder to the postgres user, when we are root and it is not theirs yet.</summary>
    public static void GiveToPostgresUser(string path)
    {
        if (RunsAsRoot)
        {
            Run("chown", ["-R", $"{PostgresUser}:{PostgresUser}", path], $"hand {path} to the {PostgresUser} user");
        }
    }

    /// <summary>True when the postgres user can reach <paramref name="path"/> (every parent searchable).</summary>
    public static bool PostgresUserCanReach(string path)
    {
        if (!RunsAsRoot)
        {
            return true;
        }
        try
        {
            Run("setpriv", [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups", "test", "-x", path], "check access");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
