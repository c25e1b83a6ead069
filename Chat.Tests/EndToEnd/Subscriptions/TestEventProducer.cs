using Chat.Contracts;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Infrastructure;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Options;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// Produces contract events onto the running app's Kafka with the real serializer (schema registry framing), as
/// Messaging's outbox would — until Messaging itself is part of the app.
/// </summary>
public sealed class TestEventProducer : IDisposable
{
    private readonly CachedSchemaRegistryClient registry;
    private readonly SchemaRegistryEventSerializer serializer;
    private readonly IProducer<string, byte[]> producer;

    public TestEventProducer(DistributedAppFixture fixture)
    {
        registry = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = fixture.EndpointOf(ResourceNames.SchemaRegistry).ToString() });
        serializer = new SchemaRegistryEventSerializer(registry, Options.Create(new SchemaOptions { AutoRegister = true }));
        producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = fixture.ConnectionStringOf(ResourceNames.Kafka) }).Build();
    }

    public async Task ProduceAsync(IntegrationEvent integrationEvent)
    {
        var descriptor = EventCatalog.For(integrationEvent.GetType());
        var value = await serializer.SerializeAsync(descriptor, EventJson.Serialize(integrationEvent), CancellationToken.None);
        await producer.ProduceAsync(descriptor.Topic, new Message<string, byte[]> { Key = descriptor.KeyOf(integrationEvent), Value = value });
    }

    public void Dispose()
    {
        producer.Dispose();
        registry.Dispose();
    }
}
