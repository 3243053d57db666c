namespace Provisioning.Bench.Throughput;

/// <summary>The requests an IdP makes most, on the seeded connection: reads, Okta's and Entra's look-ups, writes, member changes.</summary>
public static class Scenarios
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The large group's size, as the target names it.</summary>
    public const int LargeGroup = 100_000;

    /// <summary>The scenarios on <paramref name="users"/> seeded users, the last 100 of them outside the large group.</summary>
    public static IReadOnlyList<Scenario> For(int users, Guid connectionId)
    {
        // 100 users spread over the connection, so requests do not queue on one row.
        var picks = Enumerable.Range(0, 100).Select(k => (int)((long)k * (users - 1) / 99)).ToArray();
        Target User(int i) => new($"/scim/v2/Users/{Seeding.UserIds[i]}", Seeding.UserName(i));
        Target Filter(string expression) => new("/scim/v2/Users?filter=" + Uri.EscapeDataString(expression));
        // Members that come and go: the last users, not members of the large group until added.
        var members = Enumerable.Range(users - 100, 100).Select(i => Seeding.UserIds[i].ToString()).ToArray();
        Target[] GroupTargets(Guid group) => members.Select(m => new Target($"/scim/v2/Groups/{group}", m)).ToArray();
        const string memberPatch = $$$"""
            '{"schemas":["{{{PatchSchema}}}"],"Operations":[{"op":"' .. ((n % 2 == 1) and "add" or "remove") .. '","path":"members","value":[{"value":"' .. target[3] .. '"}]}]}'
            """;
        return
        [
            new("GET /Users/{id}", "GET", picks.Select(User).ToArray(), PgbenchScript: Pgbench.SelectById(users), Baseline: "pgbench",
                ThroughYarpAlone: true),
            new("filter userName eq", "GET", picks.Select(i => Filter($"userName eq \"{Seeding.UserName(i)}\"")).ToArray(), Baseline: "GET /Users/{id}"),
            new("filter externalId eq", "GET", picks.Select(i => Filter($"externalId eq \"{Seeding.ExternalId(i)}\"")).ToArray(), Baseline: "GET /Users/{id}"),
            new("filter costCenter eq (custom)", "GET", picks.Select(i => Filter($"costCenter eq \"{Seeding.CostCenter(i)}\"")).ToArray(), Baseline: "filter userName eq"),
            new("POST /Users", "POST", [new("/scim/v2/Users")],
                $$"""'{"schemas":["{{UserSchema}}"],"userName":"w-' .. unique .. '@bench.example","name":{"givenName":"Wrk","familyName":"' .. unique .. '"},"emails":[{"value":"w-' .. unique .. '@bench.example","type":"work","primary":true}],"displayName":"Wrk ' .. unique .. '","active":true}'""",
                Pgbench.InsertOne(connectionId), Baseline: "pgbench"),
            new("PUT /Users/{id}", "PUT", picks.Select(User).ToArray(),
                $$"""'{"schemas":["{{UserSchema}}"],"userName":"' .. target[3] .. '","name":{"givenName":"Bench","familyName":"' .. unique .. '"},"emails":[{"value":"' .. target[3] .. '","type":"work","primary":true}],"displayName":"Put ' .. unique .. '","active":true}'"""),
            new("PATCH /Users/{id}", "PATCH", picks.Select(User).ToArray(),
                $$$"""'{"schemas":["{{{PatchSchema}}}"],"Operations":[{"op":"replace","value":{"displayName":"Patch ' .. unique .. '"}}]}'"""),
            new("PATCH member, small group", "PATCH", GroupTargets(Seeding.SmallGroupId), memberPatch),
            new($"PATCH member, {LargeGroup / 1000}k-member group", "PATCH", GroupTargets(Seeding.GroupId), memberPatch, Baseline: "PATCH member, small group"),
        ];
    }
}
