using Chat.Notifications;
using Chat.Notifications.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();

app.UseApiDefaults();

app.MapDefaultEndpoints();
app.MapNotificationEndpoints();

app.Run();
