using Provisioning.Simulator.Directory;

namespace Provisioning.Simulator.Conversations;

/// <summary>Something that happened in the IdP's directory and must reach the SCIM server.</summary>
public abstract record Change;

/// <summary>An attribute of the person changed (title, family name, department, manager).</summary>
public sealed record ProfileChanged(DirectoryUser User) : Change;

/// <summary>The person was deactivated or reactivated in the IdP.</summary>
public sealed record ActiveChanged(DirectoryUser User, bool Active) : Change;

/// <summary>The person moved from one pushed group to another.</summary>
public sealed record MemberMoved(DirectoryUser User, DirectoryGroup From, DirectoryGroup To) : Change;

public sealed record GroupRenamed(DirectoryGroup Group) : Change;

/// <summary>Someone left (Okta unassigns, Entra disables and deletes) and someone new joined the group.</summary>
public sealed record Replaced(DirectoryUser Leaver, DirectoryUser Joiner, DirectoryGroup? Group) : Change;
