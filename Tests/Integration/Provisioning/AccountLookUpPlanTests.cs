using Aspire.Hosting.Testing;
using Npgsql;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Provisioning;

/// <summary>
/// Every create looks its email up in the realm's accounts, and every change of a linked user looks its
/// account up by SCIM user. Both must use their own index, whatever the table holds: on a table with no
/// statistics the planner's costs for the organization-led indexes tie, and a pooled connection keeps the
/// plan it made then. Before the migration LinkedAccountIndexOnlyForLinkedAccounts the look-up by email
/// went through the SCIM-user index and read every account of the organization (docs/benchmarks.md, "POST's CPU").
/// The plan asked for here is the generic one, the plan a pooled connection's prepared statement keeps.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class AccountLookUpPlanTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("collaborators")]
    [InlineData("employees")]
    [InlineData("mdm_employees")]
    public async Task AnAccountIsLookedUpByEmailAndBySCIMUserThroughItsOwnIndex(string table)
    {
        var byEmail = await GenericPlanAsync("(uuid, text)", EmailLocks.AccountByEmail(table),
            "'00000000-0000-0000-0000-000000000001', 'nobody@example.com'");
        var byScimUser = await GenericPlanAsync("(uuid, uuid)", $"SELECT * FROM {table} WHERE organization_id = $1 AND scim_user_id = $2 FOR UPDATE",
            "'00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002'");

        AssertScansOnlyThrough($"ix_{table}_organization_id_email_key", byEmail);
        AssertScansOnlyThrough($"ix_{table}_organization_id_scim_user_id", byScimUser);
    }

    /// <summary>
    /// The look-up reads through its own index, or through none: once other tests' accounts have been
    /// analyzed, a table of a page or two is read whole, which is right for it. Never through another index.
    /// </summary>
    private static void AssertScansOnlyThrough(string index, string plan)
    {
        var ownIndex = plan.Contains($"Index Scan using {index} ", StringComparison.Ordinal);
        var wholeSmallTable = plan.Contains("Seq Scan on", StringComparison.Ordinal) && !plan.Contains("Index", StringComparison.Ordinal);
        Assert.True(ownIndex || wholeSmallTable, plan);
    }

    private async Task<string> GenericPlanAsync(string parameterTypes, string sql, string arguments)
    {
        // A connection of its own, closed for good afterwards: the prepared statement and the setting end with it.
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb") + ";Pooling=false");
        await connection.OpenAsync();
        await using (var prepare = new NpgsqlCommand($"SET plan_cache_mode = force_generic_plan; PREPARE look_up{parameterTypes} AS {sql}", connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE look_up({arguments})", connection);
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }
        return string.Join('\n', plan);
    }
}
