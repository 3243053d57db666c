using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseInternalHeaderStripping();
app.MapDefaultEndpoints();
app.UseWhen(ScimRoutes.Matches, scim => scim.UseScimAuthentication());
app.MapReverseProxy();

app.Run();
