using Chat.Presence;
using Chat.Presence.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPresenceServices();

var app = builder.Build();

app.UseApiDefaults();

app.MapDefaultEndpoints();
app.MapPresenceEndpoints();

app.Run();
