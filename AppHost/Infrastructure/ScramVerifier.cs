using System.Security.Cryptography;
using System.Text;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>
/// A role's password as PostgreSQL stores it (RFC 5802 / RFC 7677: SCRAM-SHA-256). Handing the server
/// the verifier instead of the password, as psql's <c>\password</c> does, keeps the password itself
/// out of the statement text, and so out of the server log and pg_stat_statements.
/// </summary>
public static class ScramVerifier
{
    private const int Iterations = 4096;

    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="stored"/> (pg_authid.rolpassword) is this password's verifier.</summary>
    public static bool Matches(string? stored, string password)
    {
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        if (stored is null || !stored.StartsWith("SCRAM-SHA-256$", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = stored["SCRAM-SHA-256$".Length..].Split('$', ':');
        if (parts.Length != 4 || parts[0] != Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Create(password, Convert.FromBase64String(parts[1]))),
                Encoding.ASCII.GetBytes(stored));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Create(string password, byte[] salt)
    {
        // Our passwords are generated ASCII, for which SASLprep changes nothing.
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
