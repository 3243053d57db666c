using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Provisioning.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>PostgreSQL and Redis as the usual Aspire containers.</summary>
    Container,

    /// <summary>PostgreSQL and Redis as server processes from this machine's packages.</summary>
    Local,
}

public static class InfrastructureModeDetection
{
    /// <summary>
    /// <c>Infrastructure:Mode</c> (container, local or auto). Auto asks the container runtime
    /// up front: Aspire itself would wait forever for containers that can never start.
    /// </summary>
    public static InfrastructureMode Resolve(IConfiguration configuration)
    {
        var configured = configuration["Infrastructure:Mode"];
        if (Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode))
        {
            return mode;
        }
        return ContainerRuntimeAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"] ?? "docker")
            ? InfrastructureMode.Container
            : InfrastructureMode.Local;
    }

    private static bool ContainerRuntimeAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such command
        }
    }
}
