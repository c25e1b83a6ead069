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
    public static DistributedApplicationBuilder AddChatApplication(this DistributedApplicationBuilder builder, ChatApplicationOptions? options = null)
    {
        options ??= new ChatApplicationOptions();

        var authDb = builder.AddPostgres(ResourceNames.AuthDb, databaseName: "auth", wellKnownPort: 5432);
        var chatDb = builder.AddPostgres(ResourceNames.ChatDb, databaseName: "chat", wellKnownPort: 5433);
        var presenceDb = builder.AddPostgres(ResourceNames.PresenceDb, databaseName: "presence", wellKnownPort: 5434);
        var notificationDb = builder.AddPostgres(ResourceNames.NotificationDb, databaseName: "notification", wellKnownPort: 5435);
        var redis = builder.AddRedis(ResourceNames.Redis, wellKnownPort: 6379);
        var kafka = builder.AddKafka(ResourceNames.Kafka).WithTopics(Topics.AllWithDeadLetters);

        var schemaRegistry = builder.AddProject(ResourceNames.SchemaRegistry, "Chat.SchemaRegistry", wellKnownPort: 8081)
            .WithEnvironment("SchemaRegistry__DataDirectory", builder.DataPathFor("schema-registry", ResourceNames.SchemaRegistry));

        var auth = builder.AddService(options, ResourceNames.Auth, "Chat.Auth", wellKnownPort: 3001, instance => instance
            .WithReference(authDb).WaitFor(authDb)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry));

        var messaging = builder.AddService(options, ResourceNames.Messaging, "Chat.Messaging", wellKnownPort: 3002, instance => instance
            .WithReference(chatDb).WaitFor(chatDb)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReferences(auth));

        var presence = builder.AddService(options, ResourceNames.Presence, "Chat.Presence", wellKnownPort: 3003, instance => instance
            .WithReference(presenceDb).WaitFor(presenceDb)
            .WithReference(redis).WaitFor(redis)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReferences(auth));

        var notifications = builder.AddService(options, ResourceNames.Notifications, "Chat.Notifications", wellKnownPort: 3004, instance => instance
            .WithReference(notificationDb).WaitFor(notificationDb)
            .WithReference(redis).WaitFor(redis)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReferences(auth));

        builder.AddService(options, ResourceNames.Gateway, "Chat.Gateway", wellKnownPort: 3000, instance => instance
            .WithReference(redis).WaitFor(redis)
            .WithReference(kafka).WaitFor(kafka)
            .WithReference(schemaRegistry).WaitFor(schemaRegistry)
            .WithReferences(auth)
            .WithReferences(messaging)
            .WithReferences(presence)
            .WithReferences(notifications));

        return builder;
    }

    /// <summary>
    /// Declares every instance of a service ("presence", "presence-2"...), each wired by <paramref name="wire"/>
    /// and given the service's settings from <paramref name="options"/>.
    /// </summary>
    private static IReadOnlyList<IResourceBuilder<ProjectResource>> AddService(
        this DistributedApplicationBuilder builder,
        ChatApplicationOptions options,
        string name,
        string projectName,
        int wellKnownPort,
        Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> wire)
    {
        var settings = options.ServiceSettings.GetValueOrDefault(name) ?? [];
        return [.. Enumerable.Range(1, options.InstancesOf(name)).Select(number =>
        {
            var instance = builder.AddProject(number == 1 ? name : $"{name}-{number}", projectName, number == 1 ? wellKnownPort : null);
            foreach (var (key, value) in settings)
            {
                instance.WithEnvironment(key, value);
            }
            return wire(instance);
        })];
    }
}
