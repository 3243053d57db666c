using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Errors;
using Provisioning.Gateway.Limits;
using Provisioning.Gateway.Observability;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseInternalHeaderStripping();
app.MapDefaultEndpoints();
app.UseWhen(ScimRoutes.Matches, scim => scim
    .UseIdentityProviderRecognition()
    .UseScimErrorResponses()
    .UseScimAuthentication()
    .UseRateLimiter()
    .UseScimRequestBodyLimit());
app.UseRequestTimeouts();
app.MapReverseProxy();
app.MapScimFallback();

app.Run();
