using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway;
using Provisioning.Gateway.Caching;
using Provisioning.Gateway.Observability;
using Provisioning.PolicyService.Observability;
using Provisioning.ScimService.Observability;
using Provisioning.ScimService.Realms.Settings;
using CredentialCache = Provisioning.Gateway.Authentication.CredentialCache;

namespace Provisioning.Tests.Unit.Observability;

/// <summary>The services' own meters and spans, read through OpenTelemetry's in-memory exporter.</summary>
public sealed class ServiceInstrumentTests
{
    [Fact]
    public void TheGatewayCountsScimRequestsAndAuthenticationFailuresByTheirNames()
    {
        var metrics = new List<Metric>();
        using (var provider = Sdk.CreateMeterProviderBuilder().AddMeter(GatewayTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            GatewayTelemetry.ScimRequest("okta", GatewayTelemetry.ResourceOf("/scim/v2/Users/2819c223"), "PATCH", 200);
            GatewayTelemetry.AuthenticationFailed("invalid_token");
            GatewayTelemetry.RateLimitRejected("credential");
            provider.ForceFlush();
        }

        var requests = Points(metrics, "provisioning.scim.requests");
        Assert.Contains(requests, p => Tag(p, "provisioning.identity_provider") == "okta" && Tag(p, "provisioning.resource") == "Users"
                                       && Tag(p, "http.request.method") == "PATCH" && Tag(p, "http.response.status_code") == "200");
        Assert.Contains(Points(metrics, "provisioning.authentication.failures"), p => Tag(p, "provisioning.auth.failure_reason") == "invalid_token");
        Assert.Contains(Points(metrics, "provisioning.rate_limit.rejections"), p => Tag(p, "provisioning.rate_limit") == "credential");
    }

    [Fact]
    public void AProvisioningActionIsCountedByRealmActionAndOutcomeAndHasASpanWithItsOutcome()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        var organization = Guid.NewGuid();
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(ScimTelemetry.Name).AddInMemoryExporter(metrics).Build())
        using (var tracer = Sdk.CreateTracerProviderBuilder().AddSource(ScimTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            ScimTelemetry.Action(Realm.MdmPortal, "DevicesMoved", "Failed", organization, Guid.NewGuid(), "entra");
            ScimTelemetry.CacheLookup("connection-settings", "miss");
            meters.ForceFlush();
            tracer.ForceFlush();
        }

        Assert.Contains(Points(metrics, "provisioning.actions"), p =>
            Tag(p, "provisioning.realm") == "MdmPortal" && Tag(p, "provisioning.action") == "DevicesMoved" && Tag(p, "provisioning.outcome") == "Failed");
        Assert.Contains(Points(metrics, "provisioning.cache.lookups"), p => Tag(p, "provisioning.cache.result") == "miss");
        var span = Assert.Single(spans, s => s.GetTagItem("provisioning.organization_id") is Guid id && id == organization);
        Assert.Equal("provisioning DevicesMoved", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("Failed", span.GetTagItem("provisioning.outcome"));
    }

    [Fact]
    public async Task EveryCacheCountsItsHitsAndMissesOnItsServicesMeter()
    {
        var metrics = new List<Metric>();
        using (var provider = Sdk.CreateMeterProviderBuilder()
                   .AddMeter(GatewayTelemetry.Name, ScimTelemetry.Name, PolicyTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            using var credentials = new CredentialCache(new SettingsInvalidation(), Options.Create(new GatewayOptions()));
            var accepted = new CredentialCheckResult(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Realm.Dashboard, true, null);
            await credentials.GetOrCheckAsync("token:counted", "policy:credentials:counted", _ => Task.FromResult<CredentialCheckResult?>(accepted), CancellationToken.None);
            await credentials.GetOrCheckAsync("token:counted", "policy:credentials:counted", _ => Task.FromResult<CredentialCheckResult?>(accepted), CancellationToken.None);

            var clock = new ManualClock();
            var settings = new ConnectionSettingsCache(clock, NullLogger<ConnectionSettingsCache>.Instance);
            var connection = Guid.NewGuid();
            var known = new ConnectionSettingsDto(connection, Guid.NewGuid(), Realm.Dashboard, new ConnectionPolicyDto(CreationAction.Nothing, DeactivationAction.Nothing), []);
            await settings.GetAsync(connection, _ => Task.FromResult<SettingsLookup>(new SettingsLookup.Found(known)), SettingsWait.Longest, CancellationToken.None);
            await settings.GetAsync(connection, _ => Task.FromResult<SettingsLookup>(new SettingsLookup.Found(known)), SettingsWait.Longest, CancellationToken.None);
            clock.Now += ConnectionSettingsCache.Lifetime;
            await settings.GetAsync(connection, _ => Task.FromResult<SettingsLookup>(new SettingsLookup.Unavailable("refused")), SettingsWait.Longest, CancellationToken.None);

            PolicyTelemetry.CacheLookup("policy:credentials:abc", "absent");
            provider.ForceFlush();
        }

        var lookups = Points(metrics, "provisioning.cache.lookups");
        foreach (var (cache, result) in new[] { ("credentials", "miss"), ("credentials", "hit"), ("connection-settings", "miss"), ("connection-settings", "hit"),
                     ("connection-settings", "stale"), ("policy:credentials", "absent") })
        {
            Assert.Contains(lookups, p => Tag(p, "provisioning.cache") == cache && Tag(p, "provisioning.cache.result") == result && p.GetSumLong() > 0);
        }
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }
        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
