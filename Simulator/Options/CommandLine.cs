using System.Globalization;
using Provisioning.Contracts;

namespace Provisioning.Simulator.Options;

/// <summary>Reads the command line into <see cref="SimulatorOptions"/>, or says what is wrong with it.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project Simulator -- [options]

          --idp okta|entra|mixed   which IdP speaks (mixed: tenants alternate)            [okta]
          --users N                people per tenant                                       [20]
          --groups N               pushed groups per tenant                                [3]
          --churn N                changes per minute per tenant after the first sync      [30]
          --rate R                 requests per second per tenant at most (0: no limit)    [20]
          --duration D             run time per tenant, e.g. 60s, 10m, 1h (0: first sync)  [0]
          --entra-cycle D          Entra's pause between incremental cycles                [40m]
          --tour                   after the first sync, send every kind of change once
          --json FILE              write the summary as JSON too
          --seed N                 seed for the random choices
          --help                   this text

        Where to (first that applies):
          --targets FILE           JSON array of {name, baseUrl, token | clientId, clientSecret, tokenUrl, idp}
          --tenants N              development: create N organizations and connections first
          --url URL --token T      one SCIM base URL and bearer token
          --credentials FILE       the AppHost's credentials file          [.dev/credentials.json]
          --realm R                only this realm's connection of the credentials file
          --auth bearer|oauth      with --tenants: a bearer token or OAuth client credentials
          --policy-url URL         with --tenants: PolicyService's internal API [from credentials.json]
        """;

    /// <summary>The options, or the reason they cannot be read; neither for --help.</summary>
    public static (SimulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            return (null, null);
        }
        var options = new SimulatorOptions();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
                options = name switch
                {
                    "--idp" => options with { Idp = Enum<IdpChoice>(name, Value()) },
                    "--users" => options with { Users = Count(name, Value()) },
                    "--groups" => options with { Groups = Count(name, Value()) },
                    "--churn" => options with { Churn = Number(name, Value()) },
                    "--rate" => options with { Rate = Number(name, Value()) },
                    "--duration" => options with { Duration = Duration(name, Value()) },
                    "--entra-cycle" => options with { EntraCycle = Duration(name, Value()) },
                    "--tour" => options with { Tour = true },
                    "--json" => options with { JsonFile = Value() },
                    "--seed" => options with { Seed = Count(name, Value()) },
                    "--targets" => options with { TargetsFile = Value() },
                    "--tenants" => options with { Tenants = Math.Max(1, Count(name, Value())) },
                    "--url" => options with { Url = Url(name, Value()) },
                    "--token" => options with { Token = Value() },
                    "--credentials" => options with { CredentialsFile = Value() },
                    "--realm" => options with { Realm = Enum<Realm>(name, Value()) },
                    "--auth" => options with { Auth = Enum<AuthChoice>(name, Value()) },
                    "--policy-url" => options with { PolicyServiceUrl = Url(name, Value()) },
                    _ => throw new FormatException($"Unknown option {name}."),
                };
            }
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
        if (options.Url is not null && string.IsNullOrEmpty(options.Token))
        {
            return (null, "--url needs --token.");
        }
        return (options, null);
    }

    /// <summary>"90s", "10m", "1h", "1.5h", or a TimeSpan such as 00:10:00; "0" is zero.</summary>
    public static TimeSpan Duration(string name, string value)
    {
        var unit = value.Length > 0 ? value[^1] : ' ';
        if (unit is 's' or 'm' or 'h' && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromHours(amount) };
        }
        if (value == "0")
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new FormatException($"{name}: '{value}' is not a duration (try 60s, 10m or 1h).");
    }

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
            ? count
            : throw new FormatException($"{name}: '{value}' is not a whole number of 0 or more.");

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && double.IsFinite(number)
            ? number
            : throw new FormatException($"{name}: '{value}' is not a number of 0 or more.");

    private static Uri Url(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{name}: '{value}' is not an http(s) URL.");

    private static T Enum<T>(string name, string value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new FormatException($"{name}: '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>()).ToLowerInvariant()}.");
}
