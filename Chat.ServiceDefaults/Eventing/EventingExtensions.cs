using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.ServiceDefaults.Eventing.Outbox;
using Chat.ServiceDefaults.Startup;
using Confluent.SchemaRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class EventingExtensions
{
    /// <summary>
    /// The event backbone shared by producers and consumers: the schema registry client at
    /// <c>ConnectionStrings:schema-registry</c>, the serializer, the schema validator and the
    /// <see cref="IntegrationEventProducer"/>. Needs <see cref="KafkaExtensions.AddKafkaClients"/>. Safe to call twice.
    /// </summary>
    public static IHostApplicationBuilder AddEventing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(IntegrationEventProducer)))
        {
            return builder;
        }
        var registryUrl = ConnectionStrings.GetRequired(builder.Configuration, ResourceNames.SchemaRegistry);
        services.AddOptions<SchemaOptions>().BindConfiguration(SchemaOptions.Section).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISchemaRegistryClient>(sp => new CachedSchemaRegistryClient(new SchemaRegistryConfig
        {
            Url = registryUrl,
            LatestCacheTtlSecs = sp.GetRequiredService<IOptions<SchemaOptions>>().Value.LatestCacheTtlSeconds,
        }));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<EventingMetrics>();
        services.AddSingleton<EventSchemaValidator>();
        services.AddSingleton<IEventPayloadSerializer, SchemaRegistryEventSerializer>();
        services.AddSingleton<IntegrationEventProducer>();
        return builder;
    }

    /// <summary>
    /// A transactional outbox on <typeparamref name="TContext"/> (whose model calls <c>modelBuilder.AddOutbox()</c>)
    /// and its background publisher. Settings under <c>Kafka:Outbox</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.AddEventing();
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddSingleton<OutboxSaveChangesInterceptor<TContext>>();
        services.ConfigureDbContext<TContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<OutboxSaveChangesInterceptor<TContext>>()));
        services.AddSingleton<OutboxBacklog<TContext>>();
        services.AddSingleton<OutboxBatchSender<TContext>>();
        services.AddHostedService<OutboxPublisher<TContext>>();
        return builder;
    }
}
