namespace Provisioning.Operator;

internal static class Admins
{
    public static async Task<int> ResetPasswordAsync(OperatorApi api, string email, TextWriter output)
    {
        var reset = await api.ResetPasswordAsync(email);
        await output.WriteLineAsync($"New one-time password for {reset.Email}: {reset.InitialPassword}");
        await output.WriteLineAsync("The old password no longer works. The admin must change this one at first sign-in.");
        return 0;
    }

    /// <summary>Like an admin's Remove button: the organization's last admin stays (reset their password instead).</summary>
    public static async Task<int> RemoveAsync(OperatorApi api, string email, TextWriter output)
    {
        var admin = await api.FindAdminAsync(email);
        await api.RemoveAdminAsync(admin.OrganizationId, admin.Id);
        await output.WriteLineAsync($"Removed {admin.Email}. Their open sessions end within seconds.");
        return 0;
    }
}
