namespace Provisioning.ScimService.Protocol;

/// <summary>
/// How a case-insensitive value is folded wherever it is stored as a key or compared with one: .NET's
/// invariant lower case. The keys (<c>user_name_key</c>, <c>display_name_key</c>, <c>email_values</c>) are
/// folded here when written, so a look-up folds its value here too and compares it as it is. PostgreSQL's
/// <c>lower()</c> follows the database's locale instead and differs for some letters: it turns the Turkish
/// dotted capital İ (U+0130) into i, which the invariant lower case keeps, so a userName with one was stored
/// under one key and looked for under another.
/// </summary>
public static class CaseFolding
{
    public static string Fold(string value) => value.ToLowerInvariant();
}
