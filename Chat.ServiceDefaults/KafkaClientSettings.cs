using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace Chat.ServiceDefaults;

/// <summary>
/// Kafka client settings under Aspire.Confluent.Kafka's keys (that package is not in our feed, so we keep our own
/// registration with its shape): <c>ConnectionStrings:&lt;name&gt;</c> is the bootstrap servers;
/// <c>Aspire:Confluent:Kafka:Producer:Config:*</c> and <c>Aspire:Confluent:Kafka:Consumer:Config:*</c> are librdkafka
/// settings (e.g. <c>FetchWaitMaxMs</c>); <c>…:DisableHealthChecks</c> turns the health check off.
/// </summary>
public sealed class KafkaClientSettings
{
    public const string ProducerSection = "Aspire:Confluent:Kafka:Producer";
    public const string ConsumerSection = "Aspire:Confluent:Kafka:Consumer";

    public required string ConnectionString { get; init; }

    /// <summary>Producer settings from configuration, applied over our defaults.</summary>
    public required IConfigurationSection Producer { get; init; }

    /// <summary>Consumer settings from configuration, applied over our defaults.</summary>
    public required IConfigurationSection Consumer { get; init; }

    public bool DisableHealthChecks { get; init; }

    public static KafkaClientSettings Read(IConfiguration configuration, string connectionName)
    {
        var producer = configuration.GetSection(ProducerSection);
        var consumer = configuration.GetSection(ConsumerSection);
        return new KafkaClientSettings
        {
            ConnectionString = ConnectionStrings.GetRequired(configuration, connectionName),
            Producer = producer.GetSection("Config"),
            Consumer = consumer.GetSection("Config"),
            DisableHealthChecks = producer.GetValue<bool>("DisableHealthChecks") || consumer.GetValue<bool>("DisableHealthChecks"),
        };
    }

    internal void ApplyTo(ProducerConfig config) => Producer.Bind(config);

    internal void ApplyTo(ConsumerConfig config) => Consumer.Bind(config);
}
