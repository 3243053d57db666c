using System.Diagnostics;
using k8s;
using k8s.Models;

namespace Provisioning.Tests.Deployment;

/// <summary>
/// deploy/kubernetes rendered as an operator renders it (<c>kubectl kustomize</c>), read into the
/// Kubernetes API's own models. scripts/prerequisites.sh installs kubectl and the validator's
/// npm packages; nothing here reaches a cluster.
/// </summary>
public static class RenderedManifests
{
    public static readonly string KubernetesFolder = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");

    public static IEnumerable<object[]> Overlays() => [["staging"], ["production"]];

    public static string Render(string overlay) =>
        Run("kubectl", ["kustomize", Path.Combine(KubernetesFolder, "overlays", overlay)]).Output;

    public static List<object> Objects(string yaml) => KubernetesYaml.LoadAllFromString(yaml);

    /// <summary>Every pod template: the Deployments' and the migration Job's.</summary>
    public static IEnumerable<(string Owner, V1PodSpec Pod)> PodSpecs(IEnumerable<object> objects) =>
        objects.OfType<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template.Spec))
            .Concat(objects.OfType<V1Job>().Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template.Spec)));

    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, bool check = true)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within a minute");
        }
        var text = output.Result + errors.Result;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {text}");
        }
        return (process.ExitCode, text);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Provisioning.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Provisioning.sln not found above " + AppContext.BaseDirectory);
    }
}
