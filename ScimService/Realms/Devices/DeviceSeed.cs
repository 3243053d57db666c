using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Devices;

/// <summary>
/// Development only: device policies and unassigned devices for the demo organization, so the
/// MDM Portal's deactivation options can be tried at once. Idempotent: it runs at every start.
/// </summary>
public static class DeviceSeed
{
    private static readonly string[] Policies = ["Standard", "Lost or stolen", "Restricted"];

    private static readonly (string Name, string Platform, string Serial)[] Devices =
    [
        ("MacBook Pro 14", "macOS", "DEMO-MBP-0001"),
        ("MacBook Air 13", "macOS", "DEMO-MBA-0002"),
        ("iPhone 16", "iOS", "DEMO-IPH-0003"),
        ("Pixel 9", "Android", "DEMO-PIX-0004"),
        ("ThinkPad X1", "Windows", "DEMO-TPX-0005"),
    ];

    public static async Task SeedDevelopmentDevicesAsync(this WebApplication app)
    {
        var slug = app.Configuration["Seed:OrganizationSlug"];
        if (string.IsNullOrEmpty(slug))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var organization = await scope.ServiceProvider.GetRequiredService<PolicyServiceClient>().GetOrganizationBySlugAsync(slug, CancellationToken.None);
            if (organization is null)
            {
                app.Logger.LogWarning("The seed organization {Slug} does not exist in PolicyService; no devices were seeded.", slug);
                return;
            }
            var db = scope.ServiceProvider.GetRequiredService<ScimDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            var existing = await db.DevicePolicies.Where(p => p.OrganizationId == organization.Id).ToListAsync();
            foreach (var name in Policies.Where(n => existing.All(p => p.Name != n)))
            {
                var policy = new DevicePolicy { OrganizationId = organization.Id, Name = name, CreatedAt = now };
                db.DevicePolicies.Add(policy);
                existing.Add(policy);
            }
            var standard = existing.First(p => p.Name == Policies[0]);
            var serials = await db.Devices.Where(d => d.OrganizationId == organization.Id).Select(d => d.SerialNumber).ToListAsync();
            foreach (var (name, platform, serial) in Devices.Where(d => !serials.Contains(d.Serial)))
            {
                db.Devices.Add(new Device { OrganizationId = organization.Id, Name = name, Platform = platform, SerialNumber = serial, DevicePolicyId = standard.Id, CreatedAt = now });
            }
            await db.SaveChangesAsync();
            app.Logger.LogInformation("Development devices ready for organization {Slug}.", slug);
        }
        catch (Exception e) when (e is HttpRequestException or DbUpdateException)
        {
            // A second replica seeding at the same moment, or PolicyService still starting: the next start seeds.
            app.Logger.LogWarning("Development devices were not seeded: {Fault}", e.Message);
        }
    }
}
