using Chat.Presence.Configuration;
using Chat.Presence.Data;
using Chat.Presence.Domain;
using Chat.Presence.Errors;
using Chat.Presence.History;
using Chat.Presence.State;
using Chat.Presence.Sweeping;
using Chat.Presence.Telemetry;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Presence;

public static class Extensions
{
    public static IHostApplicationBuilder AddPresenceServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PresenceDbContext>(ResourceNames.PresenceDb, configureDbContextOptions: options => options.UseChatConventions());
        builder.AddMigrationsAtStart<PresenceDbContext>(ResourceNames.PresenceDb);
        builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.UseChatDefaults());
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.AddOutbox<PresenceDbContext>();
        builder.AddAuthServiceTokenValidation();

        var services = builder.Services;
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.SectionName).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PresenceStore>();
        services.AddSingleton<PresenceMetrics>();
        services.AddScoped<PresenceRecorder>();
        services.AddScoped<LastSeenReader>();
        services.AddScoped<PresenceService>();
        services.AddHostedService<PresenceSweeper>();
        services.AddProblemMapping<PresenceProblems>();
        return builder;
    }
}
