namespace Provisioning.Contracts;

/// <summary>
/// Headers that only the system's own services may set. The Gateway strips every inbound
/// header with <see cref="Prefix"/> before it adds its own.
/// </summary>
public static class InternalHeaders
{
    public const string Prefix = "X-Provisioning-";

    /// <summary>The signed tenant context the Gateway forwards to ScimService.</summary>
    public const string Context = Prefix + "Context";

    /// <summary>
    /// How many milliseconds of a SCIM request's 3 s the Gateway left when it forwarded it: ScimService
    /// waits for its own dependencies within that, so budgets spent one after the other cannot add up.
    /// </summary>
    public const string Budget = Prefix + "Budget-Ms";

    /// <summary>The calling service's own credential, presented to each other's internal APIs.</summary>
    public const string ApiKey = Prefix + "Internal-Key";

    /// <summary>Who acts, for the audit log: the signed-in admin's email, or "operator".</summary>
    public const string Actor = Prefix + "Actor";

    /// <summary>The address the actor acts from, for the audit log.</summary>
    public const string ActorIp = Prefix + "Actor-Ip";
}
