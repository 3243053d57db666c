using Yarp.ReverseProxy.Configuration;

// YARP forwarding every request to one destination with its defaults, as the Gateway's route to ScimService does,
// and nothing else: no authentication, rate limit, signed context, telemetry or logging.
//   YarpAlone <destination URL>     (listens where ASPNETCORE_URLS says)
if (args is not [var destination])
{
    Console.Error.WriteLine("usage: YarpAlone <destination URL>");
    return 2;
}
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "destination", Match = new RouteMatch { Path = "/{**rest}" } }],
    [new ClusterConfig { ClusterId = "destination", Destinations = new Dictionary<string, DestinationConfig> { ["only"] = new() { Address = destination } } }]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
return 0;
