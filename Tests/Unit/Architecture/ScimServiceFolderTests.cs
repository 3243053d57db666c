namespace Provisioning.Tests.Unit.Architecture;

/// <summary>
/// ScimService's top-level folders depend on each other one way, so each can be read, changed and
/// tested from the folders below it. A folder cycle (Http naming Tenancy while Tenancy names Http)
/// fails here with the files that close it.
/// </summary>
public sealed class ScimServiceFolderTests
{
    private const string Root = "Provisioning.ScimService";

    [Fact]
    public void ScimServiceFoldersDependOnEachOtherOneWay()
    {
        var graph = FolderGraph.Read(Path.Combine(RepositoryRoot(), "ScimService"), Root);

        var cycle = graph.FindCycle();

        Assert.True(cycle is null, cycle is null ? "" :
            "ScimService's folders depend on each other in a circle: " + string.Join(" → ", cycle) + ". "
            + string.Join("; ", cycle.Zip(cycle.Skip(1), (from, to) => $"{from} → {to} in {string.Join(", ", graph.Evidence(from, to))}")));
    }

    [Fact]
    public void ACycleWrittenAsAUsingOrAsARelativeNameIsFound()
    {
        var graph = FolderGraph.Of(Root,
            ("Http/ScimCall.cs", "using Provisioning.ScimService.Tenancy;\nnamespace Provisioning.ScimService.Http;\npublic sealed record ScimCall;"),
            ("Tenancy/ScimGroup.cs", "namespace Provisioning.ScimService.Tenancy;\npublic static class ScimGroup { static void M() => Http.ScimErrorHandling.Use(); }"),
            ("Protocol/ListQuery.cs", "namespace Provisioning.ScimService.Protocol;\n// Http.ScimCall reads this; \"Tenancy.X\" is text.\npublic sealed record ListQuery;"));

        Assert.Equal(["Http", "Tenancy", "Http"], graph.FindCycle());
        Assert.Empty(graph.DependenciesOf("Protocol"));
    }

    [Fact]
    public void DependenciesThatPointOneWayAreNoCycle()
    {
        var graph = FolderGraph.Of(Root,
            ("Users/UsersApi.cs", "using Provisioning.ScimService.Protocol;\nusing Provisioning.ScimService.Http;\nnamespace Provisioning.ScimService.Users;"),
            ("Http/ScimCall.cs", "using Provisioning.ScimService.Protocol;\nnamespace Provisioning.ScimService.Http;"),
            ("Protocol/ListQuery.cs", "namespace Provisioning.ScimService.Protocol;"),
            ("Program.cs", "using Provisioning.ScimService.Users;"));

        Assert.Null(graph.FindCycle());
        Assert.Equal(["Http", "Protocol"], graph.DependenciesOf("Users").Order());
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
