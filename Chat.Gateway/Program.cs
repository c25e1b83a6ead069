using Chat.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.Run();
