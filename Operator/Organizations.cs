using Provisioning.Contracts;

namespace Provisioning.Operator;

internal static class Organizations
{
    public static async Task<int> CreateAsync(OperatorApi api, string slug, string name, string adminEmail, TextWriter output)
    {
        var onboarded = await api.OnboardAsync(new OnboardOrganizationRequest(slug, name, adminEmail));
        await output.WriteLineAsync($"Created organization {onboarded.Organization.Slug} ({onboarded.Organization.Name}), id {onboarded.Organization.Id}.");
        await output.WriteLineAsync($"First admin:        {onboarded.Admin.Email}");
        await output.WriteLineAsync($"One-time password:  {onboarded.Admin.InitialPassword}");
        await output.WriteLineAsync("Give the password to the admin by a separate channel. It is shown only now, and must be changed at first sign-in.");
        return 0;
    }

    public static async Task<int> ListAsync(OperatorApi api, TextWriter output)
    {
        var organizations = await api.ListAsync();
        await output.WriteLineAsync($"{"SLUG",-24} {"STATE",-9} {"SCIM ON",-40} {"LAST SCIM ACTIVITY (UTC)",-24} NAME");
        foreach (var o in organizations)
        {
            var realms = o.EnabledRealms.Length == 0 ? "-" : string.Join(", ", o.EnabledRealms.Select(r => r.DisplayName()));
            var last = o.LastScimActivity?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
            await output.WriteLineAsync($"{o.Slug,-24} {(o.DisabledAt is null ? "enabled" : "disabled"),-9} {realms,-40} {last,-24} {o.Name}");
        }
        await output.WriteLineAsync($"{organizations.Length} organization(s).");
        return 0;
    }

    public static async Task<int> SwitchAsync(OperatorApi api, string slug, bool enabled, TextWriter output)
    {
        var organization = await api.FindAsync(slug);
        await api.SwitchAsync(organization.Id, enabled);
        await output.WriteLineAsync(enabled
            ? $"Enabled {slug}: its SCIM calls are accepted again and its admins can sign in."
            : $"Disabled {slug}: its SCIM calls are refused (401) within seconds, and its admins cannot sign in.");
        return 0;
    }
}
