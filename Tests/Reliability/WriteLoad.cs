using System.Diagnostics;
using Aspire.Hosting.Testing;
using Npgsql;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Reliability;

/// <summary>One SCIM write as the client saw it.</summary>
/// <param name="Detail">A SCIM error's detail: which part of the system answered, for the figures.</param>
public sealed record WriteSample(TimeSpan Start, TimeSpan Latency, int Status, bool ScimError, bool RetryAfter, string? Id, string? Detail = null)
{
    public bool Acknowledged => Status == 201 && Id is not null;

    /// <summary>
    /// No answer at all (status 0), a 5xx without a SCIM error body, a 503 without Retry-After, or a 500:
    /// a dependency being away is a 503 (or the Gateway's 504), never an internal error.
    /// </summary>
    public bool Unexplained => Status == 0 || Status >= 500 && !ScimError || Status == 503 && !RetryAfter || Status == 500;
}

/// <summary>
/// Writers that create users through the Gateway back to back, as an IdP pushing a large
/// assignment does, and remember what each request got. Its client waits up to 30 s, so a
/// hang is measured, not cut short.
/// </summary>
public sealed class WriteLoad(Tenant tenant, int writers)
{
    private readonly List<WriteSample> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<WriteSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteAsync(stop), CancellationToken.None)));
    }

    private async Task WriteAsync(CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = tenant.Scim.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = tenant.Scim.DefaultRequestHeaders.Authorization;
        while (!stop.IsCancellationRequested)
        {
            var start = _clock.Elapsed;
            WriteSample sample;
            try
            {
                using var response = await client.PostScimAsync("Users", $$"""{"userName":"{{ScimRequests.Unique("load")}}"}""");
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var json = body.Length > 0 && body[0] == '{' ? JsonNode.Parse(body) : null;
                sample = new WriteSample(start, _clock.Elapsed - start, (int)response.StatusCode,
                    json?["schemas"]?[0]?.GetValue<string>() == "urn:ietf:params:scim:api:messages:2.0:Error",
                    response.Headers.RetryAfter is not null,
                    response.StatusCode == HttpStatusCode.Created ? json?["id"]?.GetValue<string>() : null,
                    response.StatusCode == HttpStatusCode.Created ? null : json?["detail"]?.GetValue<string>());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                sample = new WriteSample(start, _clock.Elapsed - start, 0, false, false, null);
            }
            lock (_samples)
            {
                _samples.Add(sample);
            }
            if (sample.Status != 201)
            {
                // An IdP backs off a little on errors; a tight loop would only measure the loop.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>How many of the acknowledged users are rows, and how many rows the connection has in all.</summary>
    public async Task<(int AcknowledgedFound, int Rows)> CountRowsAsync(ProvisioningApp app)
    {
        var acknowledged = Samples.Where(s => s.Acknowledged).Select(s => Guid.Parse(s.Id!)).ToArray();
        // No pool: a pooled connection may have died with the server this fault killed.
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE id = ANY(@ids)), count(*) FROM scim_users WHERE connection_id = @connection", connection);
        command.Parameters.AddWithValue("ids", acknowledged);
        command.Parameters.AddWithValue("connection", tenant.Connection.Id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
