using Provisioning.Simulator.Conversations;
using Provisioning.Simulator.Directory;

namespace Provisioning.Tests.Unit.Simulator;

public sealed class ChurnPlanTests
{
    private static IdpDirectory Provisioned(int users = 8, int groups = 2)
    {
        var directory = new IdpDirectory("t1", users, groups, "okta.example");
        foreach (var (user, i) in directory.Users.Select((u, i) => (u, i)))
        {
            user.ScimId = $"u-{i}";
        }
        foreach (var (group, i) in directory.Groups.Select((g, i) => (g, i)))
        {
            group.ScimId = $"g-{i}";
        }
        return directory;
    }

    [Fact]
    public void TheTourHasEveryKindOfChangeAndLeavesTheDirectoryConsistent()
    {
        var directory = Provisioned();

        var tour = new ChurnPlan(directory, new Random(1)).Tour();

        Assert.Equal(["ProfileChanged", "ActiveChanged", "ActiveChanged", "MemberMoved", "GroupRenamed", "Replaced"], tour.Select(c => c.GetType().Name));
        var move = (MemberMoved)tour[3];
        Assert.DoesNotContain(move.User, move.From.Members);
        Assert.Contains(move.User, move.To.Members);
        var replaced = (Replaced)tour[5];
        Assert.DoesNotContain(replaced.Leaver, directory.Users);
        Assert.Contains(replaced.Joiner, directory.Users);
        Assert.Null(replaced.Joiner.ScimId);
        Assert.All(directory.Users.Select(u => u.UserName).GroupBy(n => n), g => Assert.Single(g));
    }

    [Fact]
    public void ChurnTouchesOnlyWhatTheServerKnows()
    {
        var directory = Provisioned();
        directory.Users[0].ScimId = null;
        var plan = new ChurnPlan(directory, new Random(7));

        var changes = Enumerable.Range(0, 300).Select(_ => plan.Next()).ToList();

        Assert.DoesNotContain(changes, c => c is ProfileChanged { User.UserName: var name } && name == directory.Users[0].UserName);
        Assert.Contains(changes, c => c is MemberMoved);
        Assert.Contains(changes, c => c is Replaced);
    }

    [Fact]
    public void NothingChangesBeforeAnyoneIsProvisioned() =>
        Assert.Null(new ChurnPlan(new IdpDirectory("t2", 3, 1, "okta.example"), new Random(1)).Next());
}
