using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Errors;
using Provisioning.Gateway.Forwarding;
using Provisioning.Gateway.Limits;
using Provisioning.Gateway.Observability;
using Provisioning.Gateway.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.WarnIfNoProxyIsTrusted();

// First: every later step (address limits, the signed origin, HSTS) sees the client as the trusted proxy told it.
app.UseForwardedHeaders();
app.UseHsts();
app.UseGatewayExceptionHandler();
app.UseInternalHeaderStripping();
app.MapDefaultEndpoints();
app.UseWhen(ScimRoutes.Matches, scim => scim
    .UseIdentityProviderRecognition()
    .UseScimErrorResponses()
    .UseScimAuthentication()
    .UseRateLimiter()
    .UseScimPathLimit()
    .UseScimRequestBodyLimit());
app.UseWhen(context => !ScimRoutes.Matches(context), other => other.UseFormRequestBodyLimit());
app.UseAddressLimitedRoutes();
app.UseRequestTimeouts();
app.MapReverseProxy();
app.MapScimFallback();

app.Run();
