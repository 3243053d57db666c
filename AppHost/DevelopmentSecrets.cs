using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.AppHost;

/// <summary>
/// Secrets for local development: generated once per data folder and kept in a private,
/// git-ignored file there, never in the repository. Any of them can be set instead as an
/// Aspire parameter (<c>Parameters:NAME</c> in user secrets or the environment).
/// </summary>
public sealed class DevelopmentSecrets
{
    private readonly string _file;
    private readonly JsonObject _values;

    private DevelopmentSecrets(string file, JsonObject values)
    {
        _file = file;
        _values = values;
    }

    public static DevelopmentSecrets Load(string dataRoot)
    {
        Directory.CreateDirectory(dataRoot);
        var file = Path.Combine(dataRoot, "secrets.json");
        var values = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? [] : [];
        return new DevelopmentSecrets(file, values);
    }

    /// <summary>The secret's value: configured, else generated once and remembered.</summary>
    public string Value(IDistributedApplicationBuilder builder, string name, Func<string>? generate = null)
    {
        var configured = builder.Configuration[$"Parameters:{name}"];
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        if (_values[name]?.GetValue<string>() is { Length: > 0 } known)
        {
            builder.Configuration[$"Parameters:{name}"] = known;
            return known;
        }
        var value = (generate ?? RandomSecret)();
        _values[name] = value;
        Save();
        builder.Configuration[$"Parameters:{name}"] = value;
        return value;
    }

    /// <summary>The secret as an Aspire parameter, so the dashboard masks it and references stay symbolic.</summary>
    public IResourceBuilder<ParameterResource> Parameter(IDistributedApplicationBuilder builder, string name)
    {
        Value(builder, name);
        return builder.Resources.OfType<ParameterResource>().Any(p => p.Name == name)
            ? builder.CreateResourceBuilder(builder.Resources.OfType<ParameterResource>().Single(p => p.Name == name))
            : builder.AddParameter(name, secret: true);
    }

    /// <summary>48 random bytes as URL-safe text: well over the 256 bits any key here needs.</summary>
    public static string RandomSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private void Save()
    {
        PrivateFiles.Write(_file, _values.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
