using Chat.AppHost.Hosting;
using Chat.AppHost.Resources;
using Chat.Contracts;
using Chat.ServiceDefaults;

namespace Chat.AppHost;

/// <summary>
/// The chat platform's resources and how they depend on each other. Program.cs runs it; the end-to-end
/// tests run the very same declaration with free ports and a temporary data folder.
/// </summary>
public static class ChatApplication
{
    public static DistributedApplicationBuilder AddChatApplication(this DistributedApplicationBuilder builder)
    {
        var authDb = builder.AddPostgres(ResourceNames.AuthDb, databaseName: "auth", wellKnownPort: 5432);
        var chatDb = builder.AddPostgres(ResourceNames.ChatDb, databaseName: "chat", wellKnownPort: 5433);
        var presenceDb = builder.AddPostgres(ResourceNames.PresenceDb, databaseName: "presence", wellKnownPort: 5434);
        var notificationDb = builder.AddPostgres(ResourceNames.NotificationDb, databaseName: "notification", wellKnownPort: 5435);
        var redis = builder.AddRedis(ResourceNames.Redis, wellKnownPort: 6379);
        var kafka = builder.AddKafka(ResourceNames.Kafka).WithTopics(Topics.AllWithDeadLetters);

        var schemaRegistry = builder.AddProject(ResourceNames.SchemaRegistry, "Chat.SchemaRegistry", wellKnownPort: 8081)
            .WithEnvironment("SchemaRegistry__DataDirectory", builder.DataPathFor("schema-registry", ResourceNames.SchemaRegistry));

        var auth = builder.AddProject(ResourceNames.Auth, "Chat.Auth", wellKnownPort: 3001)
            .WithReference(authDb).WaitFor(authDb)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry);

        var messaging = builder.AddProject(ResourceNames.Messaging, "Chat.Messaging", wellKnownPort: 3002)
            .WithReference(chatDb).WaitFor(chatDb)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReference(auth).WaitFor(auth);

        var presence = builder.AddProject(ResourceNames.Presence, "Chat.Presence", wellKnownPort: 3003)
            .WithReference(presenceDb).WaitFor(presenceDb)
            .WithReference(redis).WaitFor(redis)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReference(auth).WaitFor(auth);

        var notifications = builder.AddProject(ResourceNames.Notifications, "Chat.Notifications", wellKnownPort: 3004)
            .WithReference(notificationDb).WaitFor(notificationDb)
            .WithReference(redis).WaitFor(redis)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReference(auth).WaitFor(auth);

        builder.AddProject(ResourceNames.Gateway, "Chat.Gateway", wellKnownPort: 3000)
            .WithReference(redis).WaitFor(redis)
            .WithReference(auth).WaitFor(auth)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(presence).WaitFor(presence)
            .WithReference(notifications).WaitFor(notifications);

        return builder;
    }
}
