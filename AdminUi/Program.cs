using Provisioning.AdminUi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseStaticFiles();
app.UseRouting();
app.MapRazorPages();

app.Run();
