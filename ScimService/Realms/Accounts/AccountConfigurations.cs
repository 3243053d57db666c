using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.ScimService.Realms.Accounts;

public sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder) => AccountTable.Configure(builder, "employees");
}

public sealed class CollaboratorConfiguration : IEntityTypeConfiguration<Collaborator>
{
    public void Configure(EntityTypeBuilder<Collaborator> builder)
    {
        AccountTable.Configure(builder, "collaborators");
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);
    }
}

public sealed class MdmEmployeeConfiguration : IEntityTypeConfiguration<MdmEmployee>
{
    public void Configure(EntityTypeBuilder<MdmEmployee> builder) => AccountTable.Configure(builder, "mdm_employees");
}

internal static class AccountTable
{
    /// <summary>
    /// One account per email and per SCIM user in an organization: the unique indexes make a
    /// retried request (or two racing ones) unable to create a second.
    /// </summary>
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table) where T : class, IRealmAccount
    {
        builder.ToTable(table);
        // The organization leads every key, so the table can be distributed by it (docs/deployment.md).
        builder.HasKey(a => new { a.OrganizationId, a.Id });
        builder.Property(a => a.Email).HasMaxLength(320);
        builder.Property(a => a.EmailKey).HasMaxLength(320);
        builder.Property(a => a.DisplayName).HasMaxLength(256);
        builder.HasIndex(a => new { a.OrganizationId, a.EmailKey }).IsUnique();
        // Only linked accounts: every look-up by SCIM user names one (an equality implies IS NOT NULL), and NULLs
        // never collided anyway. Indexing unlinked accounts too let this index serve the look-up by email, at the
        // same cost as the email index while the table has no statistics: PostgreSQL picked it, read every account
        // of the organization to find one email, and pooled connections kept that plan (docs/benchmarks.md,
        // "POST's CPU"). Which index wins such a tie is settled in the migration LinkedAccountIndexOnlyForLinkedAccounts.
        builder.HasIndex(a => new { a.OrganizationId, a.ScimUserId }).IsUnique().HasFilter("scim_user_id IS NOT NULL");
        // No foreign key to scim_users: that table is keyed by connection, this one by organization,
        // and a distributed database cannot check a key across the two. Deleting a SCIM user unlinks
        // its account in the same transaction instead: every deletion's decision ends in Unlink
        // (PolicyDecisions), and a test pins it.
    }
}
