using Provisioning.AppHost;
using Provisioning.AppHost.Infrastructure;
using Provisioning.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var dataRoot = DataFolder.Resolve(builder);
var secrets = DevelopmentSecrets.Load(dataRoot);
var infrastructure = builder.AddInfrastructure(secrets, dataRoot);

var contextSigningKey = secrets.Parameter(builder, "context-signing-key");
var internalApiKey = secrets.Parameter(builder, "internal-api-key");
var signingKeyProtectionKey = secrets.Parameter(builder, "signing-key-protection-key");
var adminUiKeyRingKey = secrets.Parameter(builder, "admin-ui-key-ring-protection-key");

var policyService = builder.AddProject<Projects.PolicyService>("policyservice")
    .WithReference(infrastructure.PolicyDb)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("InternalApi__Key", internalApiKey)
    .WithEnvironment("OAuth__KeyProtectionKey", signingKeyProtectionKey)
    .WithConfiguredReplicas(builder, "Policy")
    .WithHttpHealthCheck("/health");

var seed = DevelopmentSeed.Configure(builder, secrets, policyService);

var scimService = builder.AddProject<Projects.ScimService>("scimservice")
    .WithReference(infrastructure.ScimDb)
    .WithReference(infrastructure.Redis)
    .WithReference(policyService).WaitFor(policyService)
    .WithEnvironment("Tenancy__ContextSigningKey", contextSigningKey)
    .WithEnvironment("InternalApi__Key", internalApiKey)
    .WithEnvironment("Seed__OrganizationSlug", DevelopmentSeed.OrganizationSlug)
    .WithConfiguredReplicas(builder, "Scim")
    .WithHttpHealthCheck("/health");

// PolicyService asks ScimService whether a device policy exists and has it recompute roles
// after a mapping change; no WaitFor, since ScimService waits for PolicyService.
policyService.WithReference(scimService);

var adminUi = builder.AddProject<Projects.AdminUi>("adminui")
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    // Redis holds the Data Protection key ring, so a session cookie or an antiforgery token made
    // by one replica is read by every other.
    .WithReference(infrastructure.Redis)
    .WithEnvironment("AdminUi__InternalApiKey", internalApiKey)
    .WithEnvironment("AdminUi__KeyRingProtectionKey", adminUiKeyRingKey)
    .WithConfiguredReplicas(builder, "AdminUi")
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    .WithReference(adminUi).WaitFor(adminUi)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("Gateway__ContextSigningKey", contextSigningKey)
    .WithEnvironment("Gateway__InternalApiKey", internalApiKey)
    // Rate-limit buckets live in Redis; while it is away each replica enforces its share.
    .WithEnvironment("Gateway__ReplicaCount", Replicas.Count(builder, "Gateway").ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithConfiguredReplicas(builder, "Gateway")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
GatewayPort.Apply(builder, gateway);
// "Test connection" in the Admin UI calls the Gateway as an IdP would; no WaitFor, the Gateway waits for the Admin UI.
adminUi.WithEnvironment("AdminUi__GatewayUrl", gateway.GetEndpoint("http"));

seed.PrintWhenReady(gateway, dataRoot);

builder.Build().Run();
