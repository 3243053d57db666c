using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Provisioning.PolicyService.Admins;

/// <summary>Admin passwords: hashing, the length rule, and one-time passwords an admin must replace.</summary>
public static class AdminPasswords
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    public static readonly PasswordHasher<AdminAccount> Hasher = new();

    public static string? Problem(string? password) =>
        password is { Length: >= MinLength and <= MaxLength } ? null : $"Use a password of {MinLength} to {MaxLength} characters.";

    /// <summary>20 random characters from an alphabet without look-alikes (about 115 bits): read once, typed once.</summary>
    public static string OneTime()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    /// <summary>Sets a one-time password on the account and answers it, the only time it is shown; open sessions end.</summary>
    public static string SetOneTime(AdminAccount admin)
    {
        var password = OneTime();
        admin.PasswordHash = Hasher.HashPassword(admin, password);
        admin.MustChangePassword = true;
        admin.RenewSessionStamp();
        return password;
    }

    /// <summary>Emails are kept and compared in lower case, so sign-in does not depend on how one types them.</summary>
    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public static string? EmailProblem(string email) =>
        email.Length is 0 or > 320 || !email.Contains('@') ? "An email address is required." : null;
}
