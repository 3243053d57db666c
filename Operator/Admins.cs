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
}
