using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.ServiceDefaults.Eventing.Consumers;
using Chat.ServiceDefaults.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class EventConsumerExtensions
{
    /// <summary>
    /// A consumer group of this service, as a hosted service with its own dedicated thread:
    /// <c>builder.AddEventConsumer("notification-consumer-group", c =&gt; c.UseInbox&lt;Db&gt;().Handle&lt;MessageCreated, H&gt;())</c>.
    /// Retries under <c>Kafka:Consumers</c>, client settings under <c>Aspire:Confluent:Kafka:Consumer:Config</c>.
    /// </summary>
    public static IHostApplicationBuilder AddEventConsumer(
        this IHostApplicationBuilder builder, string groupId, Action<EventConsumerBuilder> configure)
    {
        builder.AddEventing();
        var services = builder.Services;
        services.AddOptions<EventConsumerOptions>().BindConfiguration(EventConsumerOptions.Section).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DeadLetterPublisher>();

        var definition = new EventConsumerDefinition(groupId);
        configure(new EventConsumerBuilder(services, definition));
        if (definition.HandlersByTopic.Count == 0)
        {
            throw new InvalidOperationException($"Consumer group '{groupId}' handles no event: add one with Handle<TEvent, THandler>().");
        }

        services.AddSingleton<IHostedService>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventConsumerOptions>>().Value;
            var metrics = provider.GetRequiredService<EventingMetrics>();
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            var processor = new EventProcessor(definition,
                new EventDispatcher(provider.GetRequiredService<IServiceScopeFactory>(), definition),
                provider.GetRequiredService<IEventPayloadSerializer>(), provider.GetRequiredService<DeadLetterPublisher>(),
                options, metrics, loggers.CreateLogger<EventProcessor>());
            return new EventConsumer(definition, processor, provider.GetRequiredService<KafkaClientConfigs>(), metrics,
                options, loggers.CreateLogger<EventConsumer>());
        });
        return builder;
    }
}
