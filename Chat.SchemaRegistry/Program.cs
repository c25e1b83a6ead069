using Chat.SchemaRegistry;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSchemaRegistry();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSchemaRegistryEndpoints();
app.Run();
