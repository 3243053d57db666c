namespace Provisioning.Simulator.Directory;

/// <summary>A person as the IdP holds them, with the SCIM id the server gave back (null until created).</summary>
public sealed class DirectoryUser(string userName, string givenName, string familyName, string externalId)
{
    public string UserName { get; set; } = userName;
    public string GivenName { get; set; } = givenName;
    public string FamilyName { get; set; } = familyName;
    public string ExternalId { get; } = externalId;
    public string Title { get; set; } = "Associate";
    public string Department { get; set; } = "Operations";
    public bool Active { get; set; } = true;
    public string? ScimId { get; set; }
    public DirectoryUser? Manager { get; set; }
    public string DisplayName => $"{GivenName} {FamilyName}";
    public string Email => UserName;
}

/// <summary>A group as the IdP holds it, and the members it has pushed.</summary>
public sealed class DirectoryGroup(string displayName, string externalId)
{
    public string DisplayName { get; set; } = displayName;
    public string ExternalId { get; } = externalId;
    public string? ScimId { get; set; }
    public List<DirectoryUser> Members { get; } = [];
}

/// <summary>
/// One IdP tenant's people and groups, made up from a run tag so that runs never collide and a
/// re-run of the same tag finds its users again (the IdPs' match-before-create path).
/// </summary>
public sealed class IdpDirectory
{
    private static readonly string[] GivenNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Dennis",
        "Radia", "Tim", "Hedy", "Linus", "Shafi", "Leslie", "Karen", "Niklaus", "Sophie", "John"];
    private static readonly string[] FamilyNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton",
        "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Torvalds", "Goldwasser", "Lamport", "Jones", "Wirth", "Wilson", "Backus"];
    private static readonly string[] Departments = ["Engineering", "Sales", "Support", "Finance", "Marketing", "People", "Legal", "Design", "Operations", "Security"];

    private int _hired;

    public IdpDirectory(string tag, int users, int groups, string domain)
    {
        Tag = tag;
        Domain = domain;
        for (var i = 0; i < users; i++)
        {
            Users.Add(Hire());
        }
        for (var i = 0; i < groups; i++)
        {
            Groups.Add(new DirectoryGroup($"{Departments[i % Departments.Length]} {tag}{(i >= Departments.Length ? "-" + i : "")}", Guid.NewGuid().ToString()));
        }
        // Everyone starts in one group, round robin, so every group has members to move.
        for (var i = 0; i < Users.Count && Groups.Count > 0; i++)
        {
            Groups[i % Groups.Count].Members.Add(Users[i]);
            Users[i].Department = Groups[i % Groups.Count].DisplayName.Split(' ')[0];
        }
        for (var i = 1; i < Users.Count; i++)
        {
            Users[i].Manager = Users[(i - 1) / 5];
        }
    }

    public string Tag { get; }
    public string Domain { get; }
    public List<DirectoryUser> Users { get; } = [];
    public List<DirectoryGroup> Groups { get; } = [];

    /// <summary>A new person, not yet in <see cref="Users"/>; names repeat, the number keeps userNames unique.</summary>
    public DirectoryUser Hire()
    {
        var n = _hired++;
        var given = GivenNames[n % GivenNames.Length];
        var family = FamilyNames[(n / GivenNames.Length + n) % FamilyNames.Length];
        var userName = $"{given}.{family}.{Tag}{n}@{Domain}".ToLowerInvariant();
        return new DirectoryUser(userName, given, family, Guid.NewGuid().ToString());
    }

    public IEnumerable<DirectoryGroup> GroupsOf(DirectoryUser user) => Groups.Where(g => g.Members.Contains(user));
}
