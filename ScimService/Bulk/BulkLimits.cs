namespace Provisioning.ScimService.Bulk;

/// <summary>What /ServiceProviderConfig advertises and /Bulk enforces (413 beyond them).</summary>
public static class BulkLimits
{
    public const int MaxOperations = 1000;
    public const int MaxPayloadBytes = 1_048_576;
}
