using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.PolicyService.Auditing;

/// <summary>One admin or operator action: who, when, what, on what, from where. Never a secret.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The organization the action concerns; null for actions on the whole system (signing keys).</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>The admin's email, or "operator".</summary>
    public required string Actor { get; init; }

    public string? ActorIp { get; init; }

    /// <summary>A stable name such as <c>token.created</c>; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What it acted on, in words an admin reads: a realm, a token's lookup, an email.</summary>
    public string Target { get; init; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(320);
        builder.Property(e => e.ActorIp).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(400);
        builder.HasIndex(e => new { e.OrganizationId, e.At });
    }
}
