using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.AppHost;

/// <summary>
/// The system's secrets as Aspire parameters (<c>Parameters:NAME</c> in user secrets, the
/// environment or a deployment's secret store). In development a missing one is generated once
/// per data folder and kept in a private, git-ignored file there. In production nothing is
/// generated and nothing is written: a missing secret stops start-up with its name.
/// </summary>
public sealed class AppSecrets
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly string? _file;
    private readonly JsonObject _values;

    private AppSecrets(IDistributedApplicationBuilder builder, string? file, JsonObject values)
    {
        _builder = builder;
        _file = file;
        _values = values;
    }

    public bool GeneratesMissing => _file is not null;

    public static AppSecrets Load(IDistributedApplicationBuilder builder, string dataRoot)
    {
        if (ProductionMode.IsOn(builder))
        {
            return new AppSecrets(builder, file: null, []);
        }
        Directory.CreateDirectory(dataRoot);
        var file = Path.Combine(dataRoot, "secrets.json");
        var values = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? [] : [];
        return new AppSecrets(builder, file, values);
    }

    /// <summary>The secret's value: configured; else, in development, generated once and remembered.</summary>
    public string Value(string name, Func<string>? generate = null)
    {
        var configured = _builder.Configuration[$"Parameters:{name}"];
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        if (_file is null)
        {
            throw new InvalidOperationException(
                $"The parameter '{name}' is required in production. Set it as Parameters__{name} in the environment "
                + $"(or Parameters:{name} in configuration); docs/operations.md lists every parameter.");
        }
        if (_values[name]?.GetValue<string>() is { Length: > 0 } known)
        {
            _builder.Configuration[$"Parameters:{name}"] = known;
            return known;
        }
        var value = (generate ?? RandomSecret)();
        _values[name] = value;
        PrivateFiles.Write(_file, _values.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        _builder.Configuration[$"Parameters:{name}"] = value;
        return value;
    }

    /// <summary>The secret as an Aspire parameter, so the dashboard masks it and references stay symbolic.</summary>
    public IResourceBuilder<ParameterResource> Parameter(string name)
    {
        Value(name);
        return _builder.Resources.OfType<ParameterResource>().SingleOrDefault(p => p.Name == name) is { } existing
            ? _builder.CreateResourceBuilder(existing)
            : _builder.AddParameter(name, secret: true);
    }

    /// <summary>48 random bytes as URL-safe text: well over the 256 bits any key here needs.</summary>
    public static string RandomSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
