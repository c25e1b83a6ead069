using Chat.AppHost;
using Chat.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
builder.AddChatApplication();

await using var app = builder.Build();
return await app.RunAsync();
