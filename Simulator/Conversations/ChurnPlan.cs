using Provisioning.Simulator.Directory;

namespace Provisioning.Simulator.Conversations;

/// <summary>
/// Decides what happens next in an IdP's directory and makes it happen there: mostly profile updates,
/// then deactivations and reactivations, membership moves, the odd rename, and people leaving and
/// joining. Only people and groups the server already knows take part.
/// </summary>
public sealed class ChurnPlan(IdpDirectory directory, Random random)
{
    private static readonly string[] Titles = ["Associate", "Senior Associate", "Lead", "Manager", "Director", "Principal"];
    private int _renames;

    public Change? Next()
    {
        var known = directory.Users.Where(u => u.ScimId is not null).ToList();
        if (known.Count == 0)
        {
            return null;
        }
        var user = known[random.Next(known.Count)];
        var groups = directory.Groups.Where(g => g.ScimId is not null).ToList();
        return random.Next(100) switch
        {
            < 45 => ChangeProfile(user),
            < 65 => ToggleActive(user),
            < 85 when groups.Count > 1 => Move(user, groups),
            < 92 when groups.Count > 0 => Rename(groups[random.Next(groups.Count)]),
            >= 92 => Replace(user),
            _ => ChangeProfile(user),
        };
    }

    public bool CanTour => directory.Users.Count(u => u.ScimId is not null) >= 4 && directory.Groups.Count(g => g.ScimId is not null) >= 2;

    /// <summary>Every kind of change once, for a short conversation that shows them all (needs four people and two groups).</summary>
    public IReadOnlyList<Change> Tour()
    {
        var users = directory.Users.Where(u => u.ScimId is not null).Take(4).ToList();
        var groups = directory.Groups.Where(g => g.ScimId is not null).Take(2).ToList();
        if (users.Count < 4 || groups.Count < 2)
        {
            throw new InvalidOperationException("The tour needs four provisioned users and two pushed groups.");
        }
        var moved = users[2];
        var from = directory.GroupsOf(moved).FirstOrDefault(g => g.ScimId is not null) ?? groups[0];
        return
        [
            ChangeProfile(users[0]),
            ToggleActive(users[1]),
            ToggleActive(users[1]),
            Move(moved, from, groups.First(g => g != from)),
            Rename(groups[0]),
            Replace(users[3]),
        ];
    }

    private ProfileChanged ChangeProfile(DirectoryUser user)
    {
        user.Title = Titles[(Array.IndexOf(Titles, user.Title) + 1) % Titles.Length];
        user.FamilyName = user.FamilyName.Split('-')[0] + "-" + random.Next(10, 99);
        return new ProfileChanged(user);
    }

    private ActiveChanged ToggleActive(DirectoryUser user)
    {
        user.Active = !user.Active;
        return new ActiveChanged(user, user.Active);
    }

    private Change Move(DirectoryUser user, List<DirectoryGroup> groups)
    {
        var from = directory.GroupsOf(user).FirstOrDefault(g => g.ScimId is not null);
        var candidates = groups.Where(g => g != from && !g.Members.Contains(user)).ToList();
        return from is null || candidates.Count == 0 ? ChangeProfile(user) : Move(user, from, candidates[random.Next(candidates.Count)]);
    }

    private static MemberMoved Move(DirectoryUser user, DirectoryGroup from, DirectoryGroup to)
    {
        from.Members.Remove(user);
        to.Members.Add(user);
        return new MemberMoved(user, from, to);
    }

    private GroupRenamed Rename(DirectoryGroup group)
    {
        group.DisplayName = $"{group.DisplayName.Split(" (")[0]} ({++_renames})";
        return new GroupRenamed(group);
    }

    private Replaced Replace(DirectoryUser leaver)
    {
        var group = directory.GroupsOf(leaver).FirstOrDefault(g => g.ScimId is not null);
        foreach (var left in directory.GroupsOf(leaver).ToList())
        {
            left.Members.Remove(leaver);
        }
        directory.Users.Remove(leaver);
        leaver.Active = false;
        var joiner = directory.Hire();
        directory.Users.Add(joiner);
        group?.Members.Add(joiner);
        return new Replaced(leaver, joiner, group);
    }
}
