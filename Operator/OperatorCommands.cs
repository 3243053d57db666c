using Provisioning.Contracts;

namespace Provisioning.Operator;

/// <summary>Reads the command line and runs one command; the exit code says how it went (0 done, 1 refused, 2 misused).</summary>
public static class OperatorCommands
{
    public const string Usage = """
        Usage:
          provisioning-operator organizations create --slug SLUG --name NAME --admin-email EMAIL
          provisioning-operator organizations list
          provisioning-operator organizations disable SLUG
          provisioning-operator organizations enable SLUG
          provisioning-operator admins reset-password EMAIL
          provisioning-operator admins remove EMAIL
        """;

    public static async Task<int> RunAsync(string[] args, HttpClient policyService, TextWriter output, TextWriter error)
    {
        // Recorded as the actor of every audit entry this tool causes.
        policyService.DefaultRequestHeaders.Remove(InternalHeaders.Actor);
        policyService.DefaultRequestHeaders.Add(InternalHeaders.Actor, "operator");
        var api = new OperatorApi(policyService);
        try
        {
            return args switch
            {
                ["organizations", "create", .. var options] when Options.Parse(options, "slug", "name", "admin-email") is { } o =>
                    await Organizations.CreateAsync(api, o["slug"], o["name"], o["admin-email"], output),
                ["organizations", "list"] => await Organizations.ListAsync(api, output),
                ["organizations", "disable", var slug] => await Organizations.SwitchAsync(api, slug, enabled: false, output),
                ["organizations", "enable", var slug] => await Organizations.SwitchAsync(api, slug, enabled: true, output),
                ["admins", "reset-password", var email] => await Admins.ResetPasswordAsync(api, email, output),
                ["admins", "remove", var email] => await Admins.RemoveAsync(api, email, output),
                _ => Misused(error),
            };
        }
        catch (OperatorApiException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"PolicyService could not be reached at {policyService.BaseAddress}: {e.Message}");
            return 1;
        }
    }

    private static int Misused(TextWriter error)
    {
        error.WriteLine(Usage);
        return 2;
    }
}

/// <summary>--name value pairs; null when one is missing, repeated or unknown, so the usage is shown.</summary>
internal static class Options
{
    public static Dictionary<string, string>? Parse(string[] args, params string[] required)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length
                || !required.Contains(args[i][2..]) || !values.TryAdd(args[i][2..], args[i + 1]))
            {
                return null;
            }
        }
        return required.All(values.ContainsKey) ? values : null;
    }
}
