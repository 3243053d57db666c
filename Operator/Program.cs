using Provisioning.Contracts;
using Provisioning.Operator;

// The operator's command line: onboard customers, switch them off and on, reset admin passwords, remove admins.
// It talks to PolicyService's internal API with the operator key, never through the Gateway.
var url = Environment.GetEnvironmentVariable("PROVISIONING_POLICYSERVICE_URL");
var key = Environment.GetEnvironmentVariable("PROVISIONING_OPERATOR_KEY");
if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || string.IsNullOrWhiteSpace(key))
{
    Console.Error.WriteLine("Set PROVISIONING_POLICYSERVICE_URL (PolicyService's internal address) and PROVISIONING_OPERATOR_KEY (the operator-api-key parameter).");
    return 2;
}
using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, key);
return await OperatorCommands.RunAsync(args, http, Console.Out, Console.Error);
