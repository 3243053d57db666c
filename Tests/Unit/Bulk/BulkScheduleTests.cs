using System.Text.Json.Nodes;
using Provisioning.ScimService.Bulk;

namespace Provisioning.Tests.Unit.Bulk;

public sealed class BulkScheduleTests
{
    [Fact]
    public void OperationsRunInRequestOrderWhenNothingRefersForward()
    {
        var schedule = BulkSchedule.Plan([User("a"), Group("g", "a"), User("b")]);

        Assert.Equal([0, 1, 2], schedule.Order);
    }

    [Fact]
    public void AnOperationThatRefersForwardRunsRightAfterWhatItNeeds()
    {
        var schedule = BulkSchedule.Plan([Group("g", "u"), User("x"), User("u")]);

        Assert.Equal([2, 0, 1], schedule.Order);
        Assert.False(schedule.IsBlocked(0));
    }

    [Fact]
    public void ACycleOfReferencesIsFoundUpFrontWithEverythingThatLeansOnIt()
    {
        var schedule = BulkSchedule.Plan([Group("a", "b"), Group("b", "a"), Group("c", "a"), User("d"), Group("self", "self")]);

        Assert.True(schedule.IsBlocked(0));
        Assert.True(schedule.IsBlocked(1));
        Assert.True(schedule.IsBlocked(2));
        Assert.False(schedule.IsBlocked(3));
        Assert.True(schedule.IsBlocked(4));
        Assert.Equal([3, 0, 1, 2, 4], schedule.Order);
    }

    [Fact]
    public void AReferenceToABulkIdNoOperationCreatesIsLeftForItsOperationToReport()
    {
        var schedule = BulkSchedule.Plan([Group("g", "nowhere")]);

        Assert.False(schedule.IsBlocked(0));
        Assert.Equal(["nowhere"], schedule.ReferencesOf(0));
    }

    [Fact]
    public void AThousandOperationsInAChainOrOneLongCycleArePlanned()
    {
        // Each operation refers to the next one, the worst case of the old scheduler, which rescanned
        // every pending operation per pass. Its time is a benchmark figure (docs/reliability.md), not asserted here.
        var chain = Enumerable.Range(0, 1000).Select(i => Group($"g{i}", $"g{i + 1}")).ToList();
        var cycle = Enumerable.Range(0, 1000).Select(i => Group($"c{i}", $"c{(i + 1) % 1000}")).ToList();

        var chained = BulkSchedule.Plan(chain);
        var cyclic = BulkSchedule.Plan(cycle);

        Assert.Equal(Enumerable.Range(0, 1000).Reverse(), chained.Order);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(cyclic.IsBlocked(i)));
    }

    private static BulkOperation User(string bulkId) =>
        new("POST", "/Users", bulkId, null, new JsonObject { ["userName"] = bulkId });

    private static BulkOperation Group(string bulkId, string member) =>
        new("POST", "/Groups", bulkId, null, new JsonObject
        {
            ["displayName"] = bulkId,
            ["members"] = new JsonArray(new JsonObject { ["value"] = "bulkId:" + member }),
        });
}
