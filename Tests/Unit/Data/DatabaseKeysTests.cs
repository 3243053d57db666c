using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PolicyDesignTime = Provisioning.PolicyService.Data.DesignTimeDbContextFactory;
using ScimDesignTime = Provisioning.ScimService.Data.DesignTimeDbContextFactory;

namespace Provisioning.Tests.Unit.Data;

/// <summary>
/// scimdb can be distributed by tenant (docs/deployment.md): SCIM resources by their connection,
/// an organization's realm accounts, devices and log by the organization. That holds only while
/// every key leads with the table's tenant column and no foreign key joins the two groups.
/// </summary>
public sealed class DatabaseKeysTests
{
    private static readonly IModel Model = new ScimDesignTime().CreateDbContext([]).Model;

    private static readonly Dictionary<string, string> TenantColumnOf = new()
    {
        ["scim_users"] = "connection_id",
        ["scim_groups"] = "connection_id",
        ["scim_group_members"] = "connection_id",
        ["employees"] = "organization_id",
        ["collaborators"] = "organization_id",
        ["mdm_employees"] = "organization_id",
        ["devices"] = "organization_id",
        ["device_policies"] = "organization_id",
        ["provisioning_log"] = "organization_id",
    };

    public static TheoryData<string> Tables() => [.. TenantColumnOf.Keys];

    private static IEntityType Table(string name) => Model.GetEntityTypes().Single(t => t.GetTableName() == name);

    private static string Column(IProperty property) => property.GetColumnName();

    [Fact]
    public void EveryTableOfScimdbHasATenantColumn() =>
        Assert.Equal(TenantColumnOf.Keys.Order(), Model.GetEntityTypes().Select(t => t.GetTableName()!).Order());

    [Theory, MemberData(nameof(Tables))]
    public void ThePrimaryKeyLeadsWithTheTenantColumn(string table) =>
        Assert.Equal(TenantColumnOf[table], Column(Table(table).FindPrimaryKey()!.Properties[0]));

    [Theory, MemberData(nameof(Tables))]
    public void EveryUniqueIndexLeadsWithTheTenantColumn(string table)
    {
        foreach (var index in Table(table).GetIndexes().Where(i => i.IsUnique))
        {
            Assert.Equal(TenantColumnOf[table], Column(index.Properties[0]));
        }
    }

    [Theory, MemberData(nameof(Tables))]
    public void EveryForeignKeyStaysWithinOneTenantAndOneGroupOfTables(string table)
    {
        foreach (var key in Table(table).GetForeignKeys())
        {
            var principal = key.PrincipalEntityType.GetTableName()!;
            Assert.Equal(TenantColumnOf[table], TenantColumnOf[principal]);
            Assert.Equal(TenantColumnOf[table], Column(key.Properties[0]));
            Assert.Equal(TenantColumnOf[principal], Column(key.PrincipalKey.Properties[0]));
        }
    }

    [Fact]
    public void ScimdbsMigrationsMatchItsModel()
    {
        using var db = new ScimDesignTime().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "scimdb's model changed without a migration: dotnet ef migrations add … --project ScimService");
    }

    [Fact]
    public void PolicydbsMigrationsMatchItsModel()
    {
        using var db = new PolicyDesignTime().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "policydb's model changed without a migration: dotnet ef migrations add … --project PolicyService");
    }
}
