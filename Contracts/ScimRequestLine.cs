namespace Provisioning.Contracts;

/// <summary>
/// The longest request line the Gateway and ScimService read. A filter may hold 4,096 characters
/// (ScimService's FilterParser), and percent-encoded a character outside ASCII takes up to 9 bytes: with
/// Kestrel's default of 8 KB, a filter within its own limit was refused with an empty 414 before any
/// SCIM error could be written.
/// </summary>
public static class ScimRequestLine
{
    public const int MaxBytes = 48 * 1024;
}
