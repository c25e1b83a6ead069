using Chat.Presence;
using Chat.Presence.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPresenceServices();

var app = builder.Build();

app.UseExceptionHandler();
// Bare 401/404/405/415 answers (authentication challenge, unknown route) become problem details too.
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapPresenceEndpoints();

app.Run();
