using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting.Testing;
using CsCheck;
using Npgsql;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability.Fuzz;

/// <summary>
/// Generated requests through the Gateway (<see cref="ScimInputs"/>): none may answer 5xx, and one
/// that is refused must change nothing. Each thread owns a tenant while it sends, so the state
/// compared before and after a refused write is that request's alone. CsCheck shrinks a failure
/// to a small input and prints it with the seed that repeats it.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class FuzzTests(ProvisioningApp app)
{
    private static long Inputs => ReliabilityRun.Full ? 100_000 : 1_500;

    private const int Threads = 6;

    [Fact]
    public async Task GeneratedRequestsNeverGetA5xxAndARefusedOneChangesNothing()
    {
        var tenants = new ConcurrentBag<FuzzTenant>();
        for (var i = 0; i < Threads; i++)
        {
            tenants.Add(await FuzzTenant.CreateAsync(app));
        }
        var statuses = new ConcurrentDictionary<string, int>();
        var started = DateTimeOffset.UtcNow;

        await ScimInputs.Any.SampleAsync(async input =>
        {
            if (!tenants.TryTake(out var tenant))
            {
                throw new InvalidOperationException("More threads than tenants.");
            }
            try
            {
                var before = input.Writes ? await tenant.StateAsync() : null;
                var status = await tenant.SendAsync(input);
                statuses.AddOrUpdate($"{input.Kind} {status}", 1, (_, n) => n + 1);
                // /Me without a signed-in subject is 501 by RFC 7644 §3.11: an answer, not a fault.
                Assert.True(status < 500 || status == 501 && input.Path.StartsWith("Me", StringComparison.Ordinal), $"{status} for {input}");
                if (before is not null && status >= 400)
                {
                    Assert.Equal(before, await tenant.StateAsync());
                }
            }
            finally
            {
                tenants.Add(tenant);
            }
        }, iter: Inputs, threads: Threads, print: input => input.ToString());

        ReliabilityRun.Record($"Fuzz: {Inputs:N0} generated inputs in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s, 0 × 5xx; "
            + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}")));
        foreach (var tenant in tenants)
        {
            tenant.Dispose();
        }
    }

    /// <summary>A tenant of the fuzz run, with a user and a group for PATCH and PUT to reach.</summary>
    private sealed class FuzzTenant(ProvisioningApp app, Tenant tenant, string userId, string groupId) : IDisposable
    {
        private readonly HttpClient _client = new() { BaseAddress = tenant.Scim.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        public static async Task<FuzzTenant> CreateAsync(ProvisioningApp app)
        {
            var tenant = await app.CreateTenantAsync();
            // The fuzz measures answers, not the rate limiter (tested on its own).
            await app.SetRateLimitAsync(tenant.Connection.Id, new ConnectionRateLimit(10_000, 10_000));
            var user = await tenant.Scim.CreateUserAsync(ScimRequests.Unique());
            var group = await tenant.Scim.CreateGroupAsync(ScimRequests.Unique("group"), user.Id());
            return new FuzzTenant(app, tenant, user.Id(), group.Id());
        }

        public async Task<int> SendAsync(FuzzInput input)
        {
            using var request = new HttpRequestMessage(new HttpMethod(input.Method), Fill(input.Path));
            if (input.Authorized)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Token.Token);
            }
            foreach (var (name, value) in input.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            if (input.Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(input.Body)));
                if (input.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
                }
            }
            using var response = await _client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (int)response.StatusCode;
        }

        /// <summary>Everything a SCIM write can change for this connection, in one row.</summary>
        public async Task<string> StateAsync()
        {
            await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT (SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(last_modified)::text, '') FROM scim_users WHERE connection_id = @c)
                    || ' ' || (SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(last_modified)::text, '') FROM scim_groups WHERE connection_id = @c)
                    || ' ' || (SELECT count(*) FROM scim_group_members WHERE connection_id = @c)
                """, connection);
            command.Parameters.AddWithValue("c", tenant.Connection.Id);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        private string Fill(string text) => text.Replace("{user}", userId, StringComparison.Ordinal).Replace("{group}", groupId, StringComparison.Ordinal);

        public void Dispose() => _client.Dispose();
    }
}
