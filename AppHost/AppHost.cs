using Provisioning.AppHost;
using Provisioning.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);
ProductionMode.Check(builder);

var dataRoot = DataFolder.Resolve(builder);
var secrets = AppSecrets.Load(builder, dataRoot);
var infrastructure = builder.AddInfrastructure(secrets, dataRoot);

var contextSigningKey = secrets.Parameter("context-signing-key");
var signingKeyProtectionKey = secrets.Parameter("signing-key-protection-key");
// One key per calling service, each accepted only on the routes that caller needs (docs/operations.md).
var gatewayKey = secrets.Parameter("gateway-api-key");
var scimServiceKey = secrets.Parameter("scimservice-api-key");
var adminUiKey = secrets.Parameter("adminui-api-key");
var operatorKey = secrets.Parameter("operator-api-key");
// Encrypts the Admin UI's Data Protection keys in Redis, so every replica reads one key ring.
var adminUiKeyRingKey = secrets.Parameter("admin-ui-key-ring-protection-key");

var policyService = builder.AddProject<Projects.PolicyService>("policyservice")
    .InAppHostEnvironment(builder)
    .WithReference(infrastructure.PolicyDb)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("InternalApi__Callers__Gateway", gatewayKey)
    .WithEnvironment("InternalApi__Callers__ScimService", scimServiceKey)
    .WithEnvironment("InternalApi__Callers__AdminUi", adminUiKey)
    .WithEnvironment("InternalApi__Callers__Operator", operatorKey)
    .WithEnvironment("OAuth__KeyProtectionKey", signingKeyProtectionKey)
    .WithMigrationStep(builder, infrastructure.PolicyDb)
    .WithConfiguredReplicas(builder, "Policy")
    .WithHttpHealthCheck("/health");

var seed = secrets.GeneratesMissing ? DevelopmentSeed.Configure(secrets, policyService) : null;

var scimService = builder.AddProject<Projects.ScimService>("scimservice")
    .InAppHostEnvironment(builder)
    .WithReference(infrastructure.ScimDb)
    .WithReference(infrastructure.Redis)
    .WithReference(policyService).WaitFor(policyService)
    .WithEnvironment("Tenancy__ContextSigningKey", contextSigningKey)
    .WithEnvironment("InternalApi__Key", scimServiceKey)
    .WithEnvironment("InternalApi__Callers__AdminUi", adminUiKey)
    .WithMigrationStep(builder, infrastructure.ScimDb)
    .WithConfiguredReplicas(builder, "Scim")
    .WithDirectHttpEndpoint(builder, "Scim")
    .WithHttpHealthCheck("/health");
if (seed is not null)
{
    scimService.WithEnvironment("Seed__OrganizationSlug", DevelopmentSeed.OrganizationSlug);
}

var adminUi = builder.AddProject<Projects.AdminUi>("adminui")
    .InAppHostEnvironment(builder)
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    // Redis holds the Data Protection key ring, so a session cookie or an antiforgery token made
    // by one replica is read by every other.
    .WithReference(infrastructure.Redis)
    .WithEnvironment("AdminUi__InternalApiKey", adminUiKey)
    .WithEnvironment("AdminUi__KeyRingProtectionKey", adminUiKeyRingKey)
    .WithConfiguredReplicas(builder, "AdminUi")
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .InAppHostEnvironment(builder)
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    .WithReference(adminUi).WaitFor(adminUi)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("Gateway__ContextSigningKey", contextSigningKey)
    .WithEnvironment("Gateway__InternalApiKey", gatewayKey)
    // Rate-limit buckets live in Redis; while it is away each replica enforces its share.
    .WithEnvironment("Gateway__ReplicaCount", Replicas.Count(builder, "Gateway").ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithConfiguredReplicas(builder, "Gateway")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
GatewayPort.Apply(builder, gateway);
GatewayPort.ApplyTrustedProxies(builder, gateway);
// "Test connection" in the Admin UI calls the Gateway as an IdP would; no WaitFor, the Gateway waits for the Admin UI.
adminUi.WithEnvironment("AdminUi__GatewayUrl", gateway.GetEndpoint("http"));

seed?.PrintWhenReady(gateway, dataRoot);
SimulatorResource.AddWhenEnabled(builder, gateway, dataRoot);

builder.Build().Run();
