using Provisioning.Simulator.Reporting;

namespace Provisioning.Tests.Unit.Simulator;

/// <summary>The summary counts requests by step and status, takes percentiles by nearest rank and keeps a few examples per error.</summary>
public sealed class RunSummaryTests
{
    private static Exchange Exchange(string step, int status, double ms, string? failure = null, bool retried = false) =>
        new("t1", step, "GET", "Users", status, ms, retried, failure, failure is null ? null : "{\"detail\":\"boom\"}", null);

    [Fact]
    public void PercentilesAreTakenByNearestRank()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal((50, 95, 99, 100), (RunSummary.Percentile(sorted, 50), RunSummary.Percentile(sorted, 95), RunSummary.Percentile(sorted, 99), RunSummary.Percentile(sorted, 100)));
        Assert.Equal(7, RunSummary.Percentile([7], 99));
        Assert.Equal(0, RunSummary.Percentile([], 99));
    }

    [Fact]
    public void StepsAreCountedByStatusAndRetried429sApart()
    {
        var summary = RunSummary.From(
            [Exchange("create", 201, 10), Exchange("create", 201, 30), Exchange("create", 429, 1, retried: true), Exchange("find", 200, 5)],
            tenants: 1, TimeSpan.FromSeconds(2));

        var create = summary.Steps.Single(s => s.Step == "create");
        Assert.Equal(3, create.Requests);
        Assert.Equal(new Dictionary<string, int> { ["201"] = 2, ["429"] = 1 }, create.ByStatus);
        Assert.Equal((1, 2.0), (summary.Retried429, summary.RequestsPerSecond));
        Assert.True(summary.Succeeded);
    }

    [Fact]
    public void ErrorsAreGroupedByReasonWithTheFirstFewResponses()
    {
        var failures = Enumerable.Range(0, 5).Select(_ => Exchange("create", 500, 3, "expected 201, got 500")).ToList();

        var summary = RunSummary.From([.. failures, Exchange("create", 409, 3, "expected 201, got 409")], 1, TimeSpan.FromSeconds(1));

        Assert.False(summary.Succeeded);
        var error = summary.Errors[0];
        Assert.Equal((5, 500, RunSummary.ExamplesPerError), (error.Count, error.Status, error.Examples.Count));
        Assert.Equal("{\"detail\":\"boom\"}", error.Examples[0].Response);
    }
}
