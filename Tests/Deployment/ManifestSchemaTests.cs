using System.Text.Json.Nodes;
using k8s;
using YamlDotNet.Serialization;

namespace Provisioning.Tests.Deployment;

/// <summary>
/// Every rendered manifest is a valid Kubernetes object, checked offline twice over: against
/// the API's OpenAPI schemas (kubernetes-models: types, required fields, formats) and through a
/// round trip in the KubernetesClient models, which catches a misspelt field the schemas let by.
/// </summary>
public sealed class ManifestSchemaTests
{
    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void EveryRenderedManifestValidatesAgainstTheKubernetesSchemas(string overlay)
    {
        var rendered = Path.Combine(Path.GetTempPath(), $"provisioning-{overlay}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(rendered, RenderedManifests.Render(overlay));
        try
        {
            var (exitCode, output) = Validate(rendered);
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            File.Delete(rendered);
        }
    }

    [Fact]
    public void TheSecretsTemplateValidatesAgainstTheKubernetesSchemas()
    {
        var (exitCode, output) = Validate(Path.Combine(RenderedManifests.KubernetesFolder, "secrets", "secrets.yaml"));
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void TheSchemaValidatorRefusesAnInvalidManifest()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"provisioning-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\nspec:\n  replicas: two\n");
        try
        {
            var (exitCode, output) = Validate(broken);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("replicas must be integer", output);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedManifests.Overlays), MemberType = typeof(RenderedManifests))]
    public void NoRenderedManifestCarriesAFieldTheKubernetesApiDoesNotKnow(string overlay)
    {
        var documents = RenderedManifests.Render(overlay).Split("\n---\n");
        var unknown = new List<string>();
        foreach (var document in documents)
        {
            var original = ToJson(document);
            var roundTripped = JsonNode.Parse(KubernetesJson.Serialize(KubernetesYaml.LoadAllFromString(document).Single()))!;
            CollectMissing(original, roundTripped, $"{original["kind"]}/{original["metadata"]?["name"]}", unknown);
        }
        Assert.Empty(unknown);
    }

    [Fact]
    public void TheRoundTripCatchesAMisspeltField()
    {
        var original = ToJson("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selectr:\n    a: b\n");
        var roundTripped = JsonNode.Parse(KubernetesJson.Serialize(KubernetesYaml.LoadAllFromString(original.ToJsonString()).Single()))!;
        var unknown = new List<string>();

        CollectMissing(original, roundTripped, "Service/x", unknown);

        Assert.Equal(["Service/x: spec.selectr"], unknown);
    }

    private static (int ExitCode, string Output) Validate(string file) =>
        RenderedManifests.Run("node", [Path.Combine(RenderedManifests.KubernetesFolder, "validation", "validate.mjs"), file], check: false);

    private static JsonNode ToJson(string yaml)
    {
        var data = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(data);
        return JsonNode.Parse(json)!;
    }

    private static void CollectMissing(JsonNode? original, JsonNode? roundTripped, string path, List<string> unknown)
    {
        switch (original)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    var inner = path.Contains(':') ? $"{path}.{name}" : $"{path}: {name}";
                    if (roundTripped is not JsonObject known || !known.ContainsKey(name))
                    {
                        unknown.Add(inner);
                    }
                    else
                    {
                        CollectMissing(value, known[name], inner, unknown);
                    }
                }
                break;
            case JsonArray items when roundTripped is JsonArray knownItems:
                for (var i = 0; i < items.Count && i < knownItems.Count; i++)
                {
                    CollectMissing(items[i], knownItems[i], $"{path}[{i}]", unknown);
                }
                break;
        }
    }
}
