using k8s.Models;

namespace Provisioning.Tests.Deployment;

/// <summary>
/// The rendered manifests follow the usual hardening rules: non-root, read-only root filesystem,
/// no privilege escalation and no capabilities, requests and limits on every container, probes
/// on every Deployment; budgets, autoscalers and network policies where the design says.
/// </summary>
public sealed class ManifestHardeningTests
{
    private static readonly string[] Services = ["gateway", "scimservice", "policyservice", "adminui"];

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EveryPodRunsAsNonRootOnAReadOnlyFilesystemWithoutEscalationOrCapabilities(string overlay)
    {
        var pods = RenderedManifests.PodSpecs(RenderedManifests.Objects(RenderedManifests.Render(overlay))).ToList();

        Assert.Equal(Services.Length + 1, pods.Count);
        Assert.All(pods, pod =>
        {
            Assert.True(pod.Pod.SecurityContext?.RunAsNonRoot == true, $"{pod.Owner} may run as root");
            Assert.False(pod.Pod.AutomountServiceAccountToken ?? true, $"{pod.Owner} mounts a service account token");
            Assert.All(pod.Pod.Containers, container =>
            {
                var security = container.SecurityContext;
                Assert.True(security?.ReadOnlyRootFilesystem == true, $"{pod.Owner}/{container.Name}: root filesystem writable");
                Assert.True(security?.AllowPrivilegeEscalation == false, $"{pod.Owner}/{container.Name}: privilege escalation allowed");
                Assert.True(security?.Privileged != true, $"{pod.Owner}/{container.Name}: privileged");
                Assert.Equal(["ALL"], security?.Capabilities?.Drop ?? []);
                Assert.True(security?.Capabilities?.Add is null or { Count: 0 }, $"{pod.Owner}/{container.Name} adds capabilities");
            });
        });
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EveryContainerHasCpuAndMemoryRequestsAndLimits(string overlay)
    {
        var pods = RenderedManifests.PodSpecs(RenderedManifests.Objects(RenderedManifests.Render(overlay)));

        Assert.All(pods.SelectMany(pod => pod.Pod.Containers.Select(c => (pod.Owner, Container: c))), item =>
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(item.Container.Resources?.Requests?.ContainsKey(resource) == true, $"{item.Owner}/{item.Container.Name}: no {resource} request");
                Assert.True(item.Container.Resources?.Limits?.ContainsKey(resource) == true, $"{item.Owner}/{item.Container.Name}: no {resource} limit");
                Assert.True(item.Container.Resources!.Requests![resource].ToDecimal() <= item.Container.Resources.Limits![resource].ToDecimal(),
                    $"{item.Owner}/{item.Container.Name}: {resource} request above its limit");
            }
        });
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EveryDeploymentIsReadyOnHealthAliveOnAliveAndNeverDropsBelowItsReplicasWhileRolling(string overlay)
    {
        var deployments = RenderedManifests.Objects(RenderedManifests.Render(overlay)).OfType<V1Deployment>().ToList();

        Assert.Equal(Services.Order(), deployments.Select(d => d.Metadata.Name).Order());
        Assert.All(deployments, deployment =>
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
            Assert.Equal("0", deployment.Spec.Strategy?.RollingUpdate?.MaxUnavailable?.Value);
        });
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EveryServiceHasADisruptionBudgetAndTheScimPathScalesOnItsOwn(string overlay)
    {
        var objects = RenderedManifests.Objects(RenderedManifests.Render(overlay));

        var budgets = objects.OfType<V1PodDisruptionBudget>().ToDictionary(b => b.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal(Services.Order(), budgets.Keys.Order());
        var autoscaled = objects.OfType<V2HorizontalPodAutoscaler>().ToList();
        Assert.Equal(["gateway", "scimservice"], autoscaled.Select(a => a.Spec.ScaleTargetRef.Name).Order());
        Assert.All(autoscaled, a => Assert.True(a.Spec.MinReplicas >= 2, $"{a.Metadata.Name} may scale to one replica"));
        // The autoscaler owns the count: a replicas field would be reset by every apply.
        Assert.All(objects.OfType<V1Deployment>().Where(d => autoscaled.Any(a => a.Spec.ScaleTargetRef.Name == d.Metadata.Name)),
            d => Assert.Null(d.Spec.Replicas));
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void OnlyTheGatewayIsReachableFromOutsideAndTheInternalServicesOnlyFromTheirCallers(string overlay)
    {
        var objects = RenderedManifests.Objects(RenderedManifests.Render(overlay));
        var policies = objects.OfType<V1NetworkPolicy>().ToList();

        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 });
        Assert.Equal(["Ingress"], denyAll.Spec.PolicyTypes);
        Assert.Null(denyAll.Spec.Ingress);
        var ingress = Assert.Single(objects.OfType<V1Ingress>());
        Assert.NotEmpty(ingress.Spec.Tls);
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), path => Assert.Equal("gateway", path.Backend.Service.Name));
        Assert.All(objects.OfType<V1Service>(), service => Assert.Equal("ClusterIP", service.Spec.Type));

        Assert.Equal(["gateway"], Callers(policies, "adminui"));
        Assert.Equal(["adminui", "gateway"], Callers(policies, "scimservice"));
        Assert.Equal(["adminui", "gateway", "scimservice"], Callers(policies, "policyservice"));
        var fromOutside = Assert.Single(policies, p => Target(p) == "gateway").Spec.Ingress.Single().FromProperty.Single();
        Assert.NotNull(fromOutside.NamespaceSelector);
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EverySecretAPodReadsIsNamedInTheSecretsTemplateAndTelemetryGoesToTheCollector(string overlay)
    {
        var objects = RenderedManifests.Objects(RenderedManifests.Render(overlay));
        var template = RenderedManifests.Objects(File.ReadAllText(Path.Combine(RenderedManifests.KubernetesFolder, "secrets", "secrets.yaml")))
            .OfType<V1Secret>().ToDictionary(s => s.Metadata.Name, s => s.StringData?.Keys.ToHashSet() ?? []);
        var containers = RenderedManifests.PodSpecs(objects).SelectMany(pod => pod.Pod.Containers).ToList();

        var referenced = containers
            .SelectMany(c => c.EnvFrom ?? [])
            .Where(source => source.SecretRef is not null).Select(source => source.SecretRef.Name)
            .Concat(objects.OfType<V1Ingress>().SelectMany(i => i.Spec.Tls.Select(t => t.SecretName)));
        Assert.All(referenced, name => Assert.Contains(name, template.Keys));
        var keys = containers.SelectMany(c => c.Env ?? []).Select(variable => variable.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>();
        Assert.All(keys, key => Assert.True(template.TryGetValue(key.Name, out var names) && names.Contains(key.Key), $"{key.Name}/{key.Key} is not in the secrets template"));
        var config = Assert.Single(objects.OfType<V1ConfigMap>());
        Assert.StartsWith("http://", config.Data["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("Production", config.Data["DOTNET_ENVIRONMENT"]);
    }

    /// <summary>TLS ends at the ingress controller: the Gateway must believe its X-Forwarded-Proto (Secure cookies, HSTS) and -For (address limits).</summary>
    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void TheGatewayTrustsTheForwardedHeadersOfPrivateNetworksOnly(string overlay)
    {
        var config = Assert.Single(RenderedManifests.Objects(RenderedManifests.Render(overlay)).OfType<V1ConfigMap>());

        var trusted = config.Data.Where(pair => pair.Key.StartsWith("Gateway__TrustedProxies__", StringComparison.Ordinal)).Select(pair => pair.Value).ToList();

        Assert.NotEmpty(trusted);
        System.Net.IPNetwork[] privateRanges = [.. new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7" }.Select(System.Net.IPNetwork.Parse)];
        Assert.All(trusted, entry =>
        {
            var network = System.Net.IPNetwork.Parse(entry);
            Assert.True(privateRanges.Any(range => range.Contains(network.BaseAddress) && network.PrefixLength >= range.PrefixLength),
                $"{entry} is not inside a private network");
        });
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void TheMigrationJobReadsEachDatabasesConnectionStringAndNoOtherSecret(string overlay)
    {
        var job = Assert.Single(RenderedManifests.Objects(RenderedManifests.Render(overlay)).OfType<V1Job>());

        Assert.Equal(["policydb", "scimdb"], job.Spec.Template.Spec.Containers.Select(c => c.Name).Order());
        Assert.All(job.Spec.Template.Spec.Containers, container =>
        {
            Assert.DoesNotContain(container.EnvFrom ?? [], source => source.SecretRef is not null);
            var secret = Assert.Single(container.Env ?? [], variable => variable.ValueFrom?.SecretKeyRef is not null);
            Assert.Equal($"ConnectionStrings__{container.Name}", secret.Name);
            Assert.Equal($"ConnectionStrings__{container.Name}", secret.ValueFrom.SecretKeyRef.Key);
        });
    }

    private static string? Target(V1NetworkPolicy policy) =>
        policy.Spec.PodSelector.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/name", out var name) ? name : null;

    private static List<string> Callers(List<V1NetworkPolicy> policies, string service) =>
        policies.Where(p => Target(p) == service)
            .SelectMany(p => p.Spec.Ingress.SelectMany(rule => rule.FromProperty))
            .Select(peer => peer.PodSelector.MatchLabels["app.kubernetes.io/name"]).Order().ToList();
}
