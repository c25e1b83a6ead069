using Chat.Messaging.Conversations;
using Chat.Messaging.Data;
using Chat.Messaging.Errors;
using Chat.Messaging.Messages;
using Chat.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Messaging;

public static class Extensions
{
    public static IHostApplicationBuilder AddMessagingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ChatDbContext>(ResourceNames.ChatDb, configureDbContextOptions: options => options.UseChatConventions());
        builder.AddMigrationsAtStart<ChatDbContext>(ResourceNames.ChatDb);
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.AddOutbox<ChatDbContext>();
        builder.AddAuthServiceTokenValidation();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<MessageViews>();
        services.AddScoped<ConversationViews>();
        services.AddScoped<ConversationService>();
        services.AddSingleton<MessagingMetrics>();
        services.AddScoped<MessageService>();
        services.AddScoped<MessageQueries>();
        services.AddScoped<ConversationReplay>();
        services.AddScoped<ReadStateService>();
        services.AddScoped<ReactionService>();
        services.AddRehearsal<ChatDbContext>("create a conversation and send", MessagingRehearsal.RunAsync);
        services.AddProblemMapping<MessagingProblems>();
        return builder;
    }
}
