using Provisioning.AdminUi;
using Provisioning.AdminUi.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
// A failing service or bug renders the Error page (a banner in the layout), never a stack trace.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.MapDefaultEndpoints();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOneTimePasswordGate();
app.MapRazorPages();

app.Run();
