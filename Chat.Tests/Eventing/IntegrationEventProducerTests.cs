using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Confluent.SchemaRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class IntegrationEventProducerTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private IHost ProductionLikeHost() =>
        BuildHost(builder => builder.AddOutbox<EventingTestDbContext>(), autoRegister: false);

    private async Task RegisterContractSchemaAsync(IHost host)
    {
        var registry = host.Services.GetRequiredService<ISchemaRegistryClient>();
        var descriptor = EventCatalog.For<MessageCreated>();
        await registry.RegisterSchemaAsync(descriptor.Subject, new Schema(descriptor.CurrentSchema, SchemaType.Json));
    }

    [Fact]
    public async Task PublishAsync_WhenPayloadViolatesRegisteredSchema_RefusesIt()
    {
        // Arrange: production settings (no auto-registration), the contract's schema registered; clientMessageId allows 200 chars.
        using var host = ProductionLikeHost();
        await RegisterContractSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var invalid = TestEvents.MessageCreated(Guid.NewGuid(), "hello", clientMessageId: new string('x', 201));

        // Act
        var refused = await Assert.ThrowsAsync<EventSchemaViolationException>(
            () => producer.PublishAsync(invalid, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(Topics.MessageCreated, refused.Topic);
        Assert.Contains("clientMessageId", refused.Message);
    }

    [Fact]
    public async Task PublishAsync_WhenPayloadIsValid_SendsItWithEventHeadersAndKey()
    {
        // Arrange
        using var host = ProductionLikeHost();
        await RegisterContractSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var valid = TestEvents.MessageCreated(Guid.NewGuid(), "hello", clientMessageId: new string('x', 200));

        // Act
        await producer.PublishAsync(valid, TestContext.Current.CancellationToken);

        // Assert
        var received = Assert.Single(await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated,
            r => r.Count >= 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(valid.ConversationId.ToString(), received.Message.Key);
        Assert.Equal(valid.EventId, TestEvents.EventIdOf(received));
        Assert.Equal(nameof(MessageCreated), TestEvents.Header(received, EventHeaders.EventType));
        Assert.Equal(0, received.Message.Value![0]); // Confluent framing: magic byte, then the registered schema id
    }

    [Fact]
    public async Task PublishAsync_WhenNoSchemaIsRegisteredAndAutoRegisterIsOff_FailsNamingTheSetting()
    {
        // Arrange: production settings against an empty registry.
        using var host = ProductionLikeHost();
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            producer.PublishAsync(TestEvents.MessageCreated(Guid.NewGuid(), "hello"), TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains(Topics.MessageCreated, failure.Message);
        Assert.Contains("Kafka:Schemas:AutoRegister", failure.Message);
    }

    [Fact]
    public async Task AddIntegrationEvent_WhenPayloadViolatesContractSchema_FailsTheCallerBeforeAnythingIsStored()
    {
        // Arrange
        using var host = ProductionLikeHost();
        await EventingTestHost.CreateSchemaAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
        var invalid = TestEvents.MessageCreated(Guid.NewGuid(), "hello", clientMessageId: new string('x', 201));

        // Act
        var refused = Assert.Throws<EventSchemaViolationException>(() => database.AddIntegrationEvent(invalid));

        // Assert
        Assert.Contains("clientMessageId", refused.Message);
        Assert.Empty(database.ChangeTracker.Entries());
    }
}
