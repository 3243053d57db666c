using System.Text.RegularExpressions;

namespace Provisioning.Tests.Unit.Architecture;

/// <summary>
/// Which top-level folders of a service name which others, read from the source: every
/// <c>using Root.Folder…;</c>, every <c>Root.Folder.</c> written out, and every <c>Folder.Type</c>
/// a sibling folder's code writes relative to its own namespace. Comments and string literals are
/// left out, so a sentence that mentions a folder is not a dependency. The root namespace itself
/// (Program, Extensions, the DbContext) composes the folders and is not one of them.
/// </summary>
public sealed partial class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    private FolderGraph(string rootNamespace, IReadOnlyCollection<(string Path, string Source)> files)
    {
        var folders = files.Select(f => FolderOf(f.Path)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var qualified = new Regex(@"(?<![\w.])" + Regex.Escape(rootNamespace) + @"\.(\w+)");
        var relative = new Regex(@"(?<![\w.])(" + string.Join("|", folders.Select(Regex.Escape)) + @")\.[A-Z]\w*");
        foreach (var (path, source) in files)
        {
            if (FolderOf(path) is not { } from)
            {
                continue;
            }
            var code = CodeOnly(source);
            var named = qualified.Matches(code).Select(m => m.Groups[1].Value)
                .Concat(folders.Count == 0 ? [] : relative.Matches(code).Select(m => m.Groups[1].Value));
            foreach (var to in named.Where(to => to != from && folders.Contains(to)))
            {
                var targets = _edges.TryGetValue(from, out var found) ? found : _edges[from] = new(StringComparer.Ordinal);
                (targets.TryGetValue(to, out var evidence) ? evidence : targets[to] = new(StringComparer.Ordinal)).Add(path);
            }
        }
    }

    public static FolderGraph Read(string serviceFolder, string rootNamespace) => new(rootNamespace,
        Directory.EnumerateFiles(serviceFolder, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(serviceFolder, file).Replace('\\', '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .Select(path => (path, File.ReadAllText(Path.Combine(serviceFolder, path))))
            .ToList());

    public static FolderGraph Of(string rootNamespace, params (string Path, string Source)[] files) => new(rootNamespace, files);

    /// <summary>The files of <paramref name="from"/> that name <paramref name="to"/>.</summary>
    public IReadOnlyCollection<string> Evidence(string from, string to) =>
        _edges.GetValueOrDefault(from)?.GetValueOrDefault(to) ?? (IReadOnlyCollection<string>)[];

    public IEnumerable<string> DependenciesOf(string folder) => _edges.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>();

    /// <summary>A circle of folders, its first folder repeated at its end; null when every dependency points one way.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Walk(start, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    private List<string>? Walk(string folder, HashSet<string> done, List<string> path)
    {
        if (path.IndexOf(folder) is var at and >= 0)
        {
            return [.. path[at..], folder];
        }
        if (!done.Add(folder))
        {
            return null;
        }
        path.Add(folder);
        foreach (var next in DependenciesOf(folder))
        {
            if (Walk(next, done, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }

    private static string? FolderOf(string path) => path.IndexOf('/') is var slash and > 0 ? path[..slash] : null;

    /// <summary>The source without comments and string or character literals (raw and verbatim ones included).</summary>
    private static string CodeOnly(string source) => NotCode().Replace(source, " ");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex NotCode();
}
