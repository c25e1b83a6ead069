using Chat.AppHost;
using Chat.AppHost.Resources;
using Chat.AppHost.Resources.Logs;
using Chat.Contracts;
using Chat.ServiceDefaults;

// The whole chat platform under Aspire: `dotnet run --project Chat.AppHost` (or F5), the dashboard shows it all.
var builder = DistributedApplication.CreateBuilder(args);
builder.AddResourceLogEchoIfConfigured();
var data = ChatDataFolder.From(builder.Configuration);

var authDb = builder.AddChatPostgres(data, "auth-postgres", ResourceNames.AuthDb, "auth", wellKnownPort: 5432);
var chatDb = builder.AddChatPostgres(data, "chat-postgres", ResourceNames.ChatDb, "chat", wellKnownPort: 5433);
var presenceDb = builder.AddChatPostgres(data, "presence-postgres", ResourceNames.PresenceDb, "presence", wellKnownPort: 5434);
var notificationDb = builder.AddChatPostgres(data, "notification-postgres", ResourceNames.NotificationDb, "notification", wellKnownPort: 5435);
var redis = builder.AddChatRedis(data, ResourceNames.Redis, wellKnownPort: 6379);
var kafka = builder.AddChatKafka(ResourceNames.Kafka, Topics.AllWithDeadLetters);

var registry = builder.AddChatProject<Projects.Chat_SchemaRegistry>(ResourceNames.SchemaRegistry, wellKnownPort: 8081)
    .WithEnvironment("SchemaRegistry__DataDirectory", data.PathFor("schema-registry", ResourceNames.SchemaRegistry));

var auth = builder.AddChatService<Projects.Chat_Auth>(ResourceNames.Auth, wellKnownPort: 3001, auth => auth
    .WithReference(authDb).WaitFor(authDb)
    .WithKafka(kafka)
    .WithSchemaRegistry(registry));

var messaging = builder.AddChatService<Projects.Chat_Messaging>(ResourceNames.Messaging, wellKnownPort: 3002, messaging => messaging
    .WithReference(chatDb).WaitFor(chatDb)
    .WithKafka(kafka)
    .WithSchemaRegistry(registry)
    .WithReference(auth));

var presence = builder.AddChatService<Projects.Chat_Presence>(ResourceNames.Presence, wellKnownPort: 3003, presence => presence
    .WithReference(presenceDb).WaitFor(presenceDb)
    .WithReference(redis).WaitFor(redis)
    .WithKafka(kafka)
    .WithSchemaRegistry(registry)
    .WithReference(auth));

var notifications = builder.AddChatService<Projects.Chat_Notifications>(ResourceNames.Notifications, wellKnownPort: 3004, notifications => notifications
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(redis).WaitFor(redis)
    .WithKafka(kafka)
    .WithSchemaRegistry(registry)
    .WithReference(auth));

builder.AddChatService<Projects.Chat_Gateway>(ResourceNames.Gateway, wellKnownPort: 3000, gateway => gateway
    .WithExternalHttpEndpoints()
    .WithReference(redis).WaitFor(redis)
    .WithKafka(kafka)
    .WithSchemaRegistry(registry)
    .WithReference(auth)
    .WithReference(messaging)
    .WithReference(presence)
    .WithReference(notifications));

builder.Build().Run();
