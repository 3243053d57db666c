using Provisioning.ScimService;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Internal;
using Provisioning.ScimService.Tenancy;
using Provisioning.ScimService.Users;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddInternalApi();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseForwardedHeaders();
app.MapDefaultEndpoints();

var scim = app.MapScimGroup();
scim.MapUsersApi();
app.MapInternalApi();

app.Run();
