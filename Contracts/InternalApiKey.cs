using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Contracts;

public static class InternalApiKey
{
    /// <summary>Constant-time comparison of a presented key against the configured one.</summary>
    public static bool Matches(string? presented, string expected)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
