using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Limits;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseInternalHeaderStripping();
app.MapDefaultEndpoints();
app.UseWhen(ScimRoutes.Matches, scim => scim.UseScimAuthentication().UseScimRequestBodyLimit());
app.MapReverseProxy();

app.Run();
