namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// What a response is made of for one resource: its id, its attributes as stored (jsonb text), the
/// references the service derives (a user's <c>groups</c>, a group's <c>members</c>) and its meta.
/// </summary>
/// <param name="References">Null when the response leaves them out; otherwise written, even when empty.</param>
public sealed record ResourceParts(
    Guid Id,
    string StoredAttributes,
    string ReferencesAttribute,
    IReadOnlyList<ResourceReference>? References,
    string ResourceType,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    string Location,
    int Version);

/// <summary>One element of <c>groups</c> or <c>members</c>: the other resource's id, URL, name and type.</summary>
public sealed record ResourceReference(Guid Value, string Ref, string? Display, string Type);
