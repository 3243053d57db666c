namespace Provisioning.PolicyService.Organizations;

public sealed class Organization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set while an operator has switched the organization off: its SCIM calls are refused and its admins cannot sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
