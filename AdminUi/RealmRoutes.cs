using Provisioning.Contracts;

namespace Provisioning.AdminUi;

/// <summary>Realms as they appear in the Admin UI's URLs: /scim/dashboard, /directory/mdm-portal.</summary>
public static class RealmRoutes
{
    public static string Slug(this Realm realm) => realm switch
    {
        Realm.EnterpriseStore => "enterprise-store",
        Realm.Dashboard => "dashboard",
        Realm.MdmPortal => "mdm-portal",
        _ => realm.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? slug, out Realm realm)
    {
        foreach (var candidate in Enum.GetValues<Realm>())
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                realm = candidate;
                return true;
            }
        }
        realm = default;
        return false;
    }
}
