using Provisioning.PolicyService;
using Provisioning.PolicyService.Admins;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Connections;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.CustomAttributes;
using Provisioning.PolicyService.GroupMappings;
using Provisioning.PolicyService.OAuth;
using Provisioning.PolicyService.OAuth.SigningKeys;
using Provisioning.PolicyService.Organizations;
using Provisioning.PolicyService.Policies;
using Provisioning.PolicyService.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync();
if (DatabaseMigration.MigrateOnly(args))
{
    return;
}
await app.SeedDevelopmentDataAsync();

// ProblemDetails, not the developer page: /oauth/** is public, and that page echoes request headers.
app.UseExceptionHandler();
app.MapDefaultEndpoints();
if (app.Environment.IsDevelopment())
{
    // The API's description helps development; in production it only maps the attack surface.
    app.MapOpenApi("/internal/openapi/{documentName}.json");
}
app.MapOrganizationsApi();
app.MapConnectionsApi();
app.MapTokensApi();
app.MapCredentialChecksApi();
app.MapAdminsApi();
app.MapAdminSessionsApi();
app.MapPoliciesApi();
app.MapGroupRolesApi();
app.MapSettingsVersionsApi();
app.MapCustomAttributesApi();
app.MapOAuthClientsApi();
app.MapSigningKeysApi();
app.MapOAuthApi();
app.MapAuditApi();

app.Run();
