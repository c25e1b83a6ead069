using Chat.Messaging;
using Chat.Messaging.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMessagingServices();

var app = builder.Build();

app.UseApiDefaults();

app.MapDefaultEndpoints();
app.MapConversationEndpoints();
app.MapMessageEndpoints();
app.MapReplayEndpoints();

app.Run();
