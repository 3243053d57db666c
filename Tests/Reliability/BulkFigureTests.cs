using System.Diagnostics;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>
/// 1,000 bulk operations whose references never resolve: a chain where each refers to the next
/// and the last to a bulkId nobody creates (the old scheduler's cubic case), and a cycle. The
/// time is a benchmark figure for docs/reliability.md, recorded, never asserted.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class BulkFigureTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("chain")]
    [InlineData("cycle")]
    public async Task AThousandOperationsWithUnresolvableReferencesAllAnswer409(string shape)
    {
        var tenant = await app.CreateTenantAsync();
        var next = shape == "chain" ? (Func<int, string>)(i => i == 999 ? "nowhere" : $"g{i + 1}") : i => $"g{(i + 1) % 1000}";
        var operations = string.Join(",", Enumerable.Range(0, 1000).Select(i =>
            $$$"""{"method":"POST","path":"/Groups","bulkId":"g{{{i}}}","data":{"displayName":"g{{{i}}}","members":[{"value":"bulkId:{{{next(i)}}}"}]}}"""));
        var body = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{operations}}]}""";
        var clock = Stopwatch.StartNew();

        using var response = await tenant.Scim.PostScimAsync("Bulk", body);

        var elapsed = clock.Elapsed;
        var results = (await ScimAssert.SuccessAsync(response))["Operations"]!.AsArray();
        Assert.Equal(1000, results.Count);
        Assert.All(results, r => Assert.Equal("409", r!["status"]!.GetValue<string>()));
        ReliabilityRun.Record($"Bulk, 1,000 operations with unresolvable references ({shape}): {elapsed.TotalMilliseconds:0} ms through the Gateway");
    }
}
