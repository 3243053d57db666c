using Provisioning.ScimService.Search;
using Provisioning.ScimService;
using Provisioning.ScimService.Bulk;
using Provisioning.ScimService.CustomAttributes;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Discovery;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Internal;
using Provisioning.ScimService.ProvisioningLog;
using Provisioning.ScimService.Realms;
using Provisioning.ScimService.Realms.Devices;
using Provisioning.ScimService.Realms.Reconciliation;
using Provisioning.ScimService.Users;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

await app.MigrateDatabaseAsync();
if (DatabaseMigration.MigrateOnly(args))
{
    return;
}
await app.SeedDevelopmentDevicesAsync();

app.UseScimErrorBodies();
app.MapDefaultEndpoints();

var scim = app.MapScimRoutes();
scim.MapUsersApi();
scim.MapGroupsApi();
scim.MapRootSearchApi();
scim.MapBulkApi();
scim.MapDiscoveryApi();
app.MapInternalApi();

app.MapAccountsApi();
app.MapDevicesApi();
app.MapRolesApi();
app.MapProvisioningLogApi();
app.MapProvisioningLogDetailApi();
app.MapDeactivationPreviewApi();
app.MapUndeclaredAttributesApi();

app.Run();
