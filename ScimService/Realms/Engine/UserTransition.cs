namespace Provisioning.ScimService.Realms.Engine;

/// <summary>What a SCIM request did to a user, as far as the realm's policies care.</summary>
public enum UserTransition
{
    CreatedActive,
    CreatedInactive,
    Deactivated,
    Reactivated,
    ProfileChanged,
    DeletedWhileActive,
    DeletedWhileInactive,
}

public static class UserTransitions
{
    /// <summary>
    /// The transitions between two states of a user, in the order they apply: a profile change
    /// lands before a deactivation (which may remove the account) and after a reactivation
    /// (which may create it from the new profile).
    /// </summary>
    public static IReadOnlyList<UserTransition> Between(UserSnapshot? before, UserSnapshot? after) => (before, after) switch
    {
        (null, null) => [],
        (null, { Active: true }) => [UserTransition.CreatedActive],
        (null, { Active: false }) => [UserTransition.CreatedInactive],
        ({ Active: true }, null) => [UserTransition.DeletedWhileActive],
        ({ Active: false }, null) => [UserTransition.DeletedWhileInactive],
        ({ } b, { } a) => Changes(b, a),
    };

    private static List<UserTransition> Changes(UserSnapshot before, UserSnapshot after)
    {
        var profileChanged = !string.Equals(before.Email, after.Email, StringComparison.Ordinal) || before.DisplayName != after.DisplayName;
        var transitions = new List<UserTransition>();
        if (before.Active && !after.Active)
        {
            if (profileChanged)
            {
                transitions.Add(UserTransition.ProfileChanged);
            }
            transitions.Add(UserTransition.Deactivated);
            return transitions;
        }
        if (!before.Active && after.Active)
        {
            transitions.Add(UserTransition.Reactivated);
        }
        if (profileChanged)
        {
            transitions.Add(UserTransition.ProfileChanged);
        }
        return transitions;
    }

    public static string Describe(UserTransition transition) => transition switch
    {
        UserTransition.CreatedActive => "user created (active)",
        UserTransition.CreatedInactive => "user created (inactive)",
        UserTransition.Deactivated => "user deactivated (active true → false)",
        UserTransition.Reactivated => "user reactivated (active false → true)",
        UserTransition.ProfileChanged => "user profile changed",
        UserTransition.DeletedWhileActive => "user deleted while active",
        UserTransition.DeletedWhileInactive => "user deleted (already inactive)",
        _ => transition.ToString(),
    };
}
