using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Errors;
using Provisioning.Gateway.Limits;
using Provisioning.Gateway.Observability;
using Provisioning.Gateway.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseGatewayExceptionHandler();
app.UseInternalHeaderStripping();
app.MapDefaultEndpoints();
app.UseWhen(ScimRoutes.Matches, scim => scim
    .UseIdentityProviderRecognition()
    .UseScimErrorResponses()
    .UseScimAuthentication()
    .UseRateLimiter()
    .UseScimRequestBodyLimit());
app.UseAddressLimitedRoutes();
app.UseRequestTimeouts();
app.MapReverseProxy();
app.MapScimFallback();

app.Run();
