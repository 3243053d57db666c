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

var policyService = builder.AddProject<Projects.PolicyService>("policyservice")
    .WithReference(infrastructure.PolicyDb)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("InternalApi__Key", internalApiKey)
    .WithEnvironment("OAuth__KeyProtectionKey", signingKeyProtectionKey)
    .WithHttpHealthCheck("/health");

var seed = DevelopmentSeed.Configure(builder, secrets, policyService);

var scimService = builder.AddProject<Projects.ScimService>("scimservice")
    .WithReference(infrastructure.ScimDb)
    .WithEnvironment("Tenancy__ContextSigningKey", contextSigningKey)
    .WithReplicas(builder.Configuration.GetValue("Scim:Replicas", 1))
    .WithHttpHealthCheck("/health");

var adminUi = builder.AddProject<Projects.AdminUi>("adminui")
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    .WithEnvironment("AdminUi__InternalApiKey", internalApiKey)
    .WithEnvironment("AdminUi__OrganizationSlug", DevelopmentSeed.OrganizationSlug)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(policyService).WaitFor(policyService)
    .WithReference(scimService).WaitFor(scimService)
    .WithReference(adminUi).WaitFor(adminUi)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("Gateway__ContextSigningKey", contextSigningKey)
    .WithEnvironment("Gateway__InternalApiKey", internalApiKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
GatewayPort.Apply(builder, gateway);

seed.PrintWhenReady(gateway, dataRoot);

builder.Build().Run();
