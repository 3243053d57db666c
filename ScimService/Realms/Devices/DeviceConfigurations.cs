using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms.Devices;

public sealed class DevicePolicyConfiguration : IEntityTypeConfiguration<DevicePolicy>
{
    public void Configure(EntityTypeBuilder<DevicePolicy> builder)
    {
        builder.ToTable("device_policies");
        builder.HasKey(p => new { p.OrganizationId, p.Id });
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
    }
}

public sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        // The organization leads every key, so devices live with their employees and policies (docs/deployment.md).
        builder.HasKey(d => new { d.OrganizationId, d.Id });
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Platform).HasMaxLength(64);
        builder.Property(d => d.SerialNumber).HasMaxLength(128);
        builder.HasIndex(d => new { d.OrganizationId, d.SerialNumber }).IsUnique();
        builder.HasIndex(d => new { d.OrganizationId, d.MdmEmployeeId });
        // An employee's devices are released (unassigned or removed) before the employee goes: the
        // key only refuses a removal that forgot them. It cannot set the column null by itself, since
        // the organization is part of it.
        builder.HasOne<MdmEmployee>().WithMany().HasForeignKey(d => new { d.OrganizationId, d.MdmEmployeeId }).OnDelete(DeleteBehavior.NoAction);
        // A policy with devices under it cannot vanish from under them.
        builder.HasOne<DevicePolicy>().WithMany().HasForeignKey(d => new { d.OrganizationId, d.DevicePolicyId }).OnDelete(DeleteBehavior.Restrict);
    }
}
