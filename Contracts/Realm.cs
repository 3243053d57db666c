using System.Text.Json.Serialization;

namespace Provisioning.Contracts;

/// <summary>A part of the product with its own accounts and its own SCIM connection.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Realm>))]
public enum Realm
{
    EnterpriseStore,
    Dashboard,
    MdmPortal,
}

public static class RealmNames
{
    public static string DisplayName(this Realm realm) => realm switch
    {
        Realm.EnterpriseStore => "Enterprise Store",
        Realm.Dashboard => "Dashboard",
        Realm.MdmPortal => "MDM Portal",
        _ => realm.ToString(),
    };
}
