using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.ScimService.Realms.Accounts;

namespace Provisioning.ScimService.Realms.Devices;

public sealed class DevicePolicyConfiguration : IEntityTypeConfiguration<DevicePolicy>
{
    public void Configure(EntityTypeBuilder<DevicePolicy> builder)
    {
        builder.ToTable("device_policies");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
    }
}

public sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Platform).HasMaxLength(64);
        builder.Property(d => d.SerialNumber).HasMaxLength(128);
        builder.HasIndex(d => new { d.OrganizationId, d.SerialNumber }).IsUnique();
        builder.HasIndex(d => d.MdmEmployeeId);
        builder.HasOne<MdmEmployee>().WithMany().HasForeignKey(d => d.MdmEmployeeId).OnDelete(DeleteBehavior.SetNull);
        // A policy with devices under it cannot vanish from under them.
        builder.HasOne<DevicePolicy>().WithMany().HasForeignKey(d => d.DevicePolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
