using Chat.Contracts.Events;
using Chat.Notifications.Configuration;
using Chat.Notifications.Data;
using Chat.Notifications.Delivery;
using Chat.Notifications.Errors;
using Chat.Notifications.IntegrationEvents;
using Chat.Notifications.Reading;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Notifications;

public static class Extensions
{
    public const string ConsumerGroup = "notification-consumer-group";

    public static IHostApplicationBuilder AddNotificationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<NotificationDbContext>(ResourceNames.NotificationDb, configureDbContextOptions: options => options.UseChatConventions());
        builder.AddMigrationsAtStart<NotificationDbContext>(ResourceNames.NotificationDb);
        builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.UseChatDefaults());
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.AddAuthServiceTokenValidation();

        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationCache>();
        services.AddSingleton<NotificationDeliverer>();
        services.AddSingleton<DeliverAfterCommitInterceptor>();
        services.ConfigureDbContext<NotificationDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<DeliverAfterCommitInterceptor>()));
        services.AddScoped<NotificationFactory>();
        services.AddScoped<MessageDeletions>();
        services.AddScoped<OnlineCooldownClaims>();
        services.AddScoped<UserNotifications>();
        services.AddScoped<NotificationReplay>();

        builder.AddOutbox<NotificationDbContext>();
        builder.AddEventConsumer(ConsumerGroup, consumer => consumer
            .UseInbox<NotificationDbContext>()
            .Handle<ConversationChanged, ConversationChangedHandler>()
            .Handle<UserRegistered, UserRegisteredHandler>()
            .Handle<MessageCreated, MessageCreatedHandler>()
            .Handle<MessageDeleted, MessageDeletedHandler>()
            .Handle<PresenceUpdated, PresenceUpdatedHandler>());

        services.AddProblemMapping<NotificationProblems>();
        return builder;
    }
}
