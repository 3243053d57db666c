using Provisioning.Gateway;
using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Errors;
using Provisioning.Gateway.Forwarding;
using Provisioning.Gateway.Limits;
using Provisioning.Gateway.Observability;
using Provisioning.Gateway.RateLimiting;

// Before any socket is opened: the runtime decides once whether socket completions run inline.
var inlineIo = InlineIo.Enable();
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddInlineIo(inlineIo);
builder.AddApplicationServices();

var app = builder.Build();

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
    .UseScimRequestBodyLimit());
app.UseAddressLimitedRoutes();
app.UseRequestTimeouts();
app.MapReverseProxy();
app.MapScimFallback();

app.Run();
