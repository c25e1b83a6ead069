using System.Net;
using System.Text;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.ServiceDefaults.Eventing.Outbox;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class EventConsumerTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private const string Group = "eventing-test-group";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IHost Host(Action<HostApplicationBuilder>? configure = null) =>
        BuildHost(builder =>
        {
            configure?.Invoke(builder);
            builder.AddEventConsumer(Group, consumer => consumer
                .UseInbox<EventingTestDbContext>()
                .Handle<MessageCreated, RecordingMessageCreatedHandler>());
        });

    [Fact]
    public async Task Consumer_WhenSameEventIsDeliveredTwice_AppliesItOnce()
    {
        // Arrange: one event published twice (a producer retry or an outbox re-send), then a later event of the key.
        var ct = TestContext.Current.CancellationToken;
        using var host = Host();
        await EventingTestHost.CreateSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversation = Guid.NewGuid();
        var duplicated = TestEvents.MessageCreated(conversation, "sent twice");
        var later = TestEvents.MessageCreated(conversation, "sent after");
        await producer.PublishAsync(duplicated, ct);
        await producer.PublishAsync(duplicated, ct);
        await producer.PublishAsync(later, ct);

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, db => db.HandledMessages.AnyAsync(m => m.EventId == later.EventId, ct));
        await host.StopAsync(ct);

        // Assert: same key, same partition, in order, so the duplicate was processed before "later".
        var effects = await QueryAsync(host, db => db.HandledMessages.Where(m => m.EventId == duplicated.EventId).CountAsync(ct));
        var inbox = await QueryAsync(host, db => db.Set<InboxMessage>().CountAsync(ct));
        Assert.Equal(1, effects);
        Assert.Equal(2, inbox);
    }

    [Fact]
    public async Task Consumer_WhenMessageIsPoison_DeadLettersItAndHandlesTheNext()
    {
        // Arrange: garbage bytes, then a valid event, on the same key (so the same partition, behind the garbage).
        var ct = TestContext.Current.CancellationToken;
        using var host = Host();
        await EventingTestHost.CreateSchemaAsync(host);
        var conversation = Guid.NewGuid();
        var garbage = Encoding.UTF8.GetBytes("this is not an event");
        using (var raw = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers }).Build())
        {
            await raw.ProduceAsync(Topics.MessageCreated, new Message<string, byte[]>
            {
                Key = conversation.ToString(),
                Value = garbage,
                Headers = new Headers { { "x-test", "kept"u8.ToArray() } },
            }, ct);
        }
        var valid = TestEvents.MessageCreated(conversation, "after the poison");
        await host.Services.GetRequiredService<IntegrationEventProducer>().PublishAsync(valid, ct);

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, db => db.HandledMessages.AnyAsync(m => m.EventId == valid.EventId, ct));
        await host.StopAsync(ct);

        // Assert
        var deadLetters = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated + Topics.DeadLetterSuffix,
            r => r.Count >= 1, Timeout);
        var parked = Assert.Single(deadLetters);
        Assert.Equal(garbage, parked.Message.Value);
        Assert.Equal(conversation.ToString(), parked.Message.Key);
        Assert.Equal("kept", TestEvents.Header(parked, "x-test"));
        Assert.Equal(Topics.MessageCreated, TestEvents.Header(parked, EventHeaders.DeadLetterOriginalTopic));
        Assert.Equal(Group, TestEvents.Header(parked, EventHeaders.DeadLetterConsumerGroup));
        Assert.Contains("magic byte", TestEvents.Header(parked, EventHeaders.DeadLetterError), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Consumer_WhenFramedPayloadViolatesTheSchema_DeadLettersItAtOnce()
    {
        // Arrange: correct Confluent framing and a registered schema id, but a payload missing required fields.
        var ct = TestContext.Current.CancellationToken;
        using var host = Host();
        await EventingTestHost.CreateSchemaAsync(host);
        var descriptor = EventCatalog.For<MessageCreated>();
        var schemaId = await host.Services.GetRequiredService<ISchemaRegistryClient>()
            .RegisterSchemaAsync(descriptor.Subject, new Schema(descriptor.CurrentSchema, SchemaType.Json));
        var conversation = Guid.NewGuid();
        byte[] framed = [0, .. BitConverter.GetBytes(IPAddress.HostToNetworkOrder(schemaId)), .. """{"content":"no ids"}"""u8.ToArray()];
        using (var raw = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers }).Build())
        {
            await raw.ProduceAsync(Topics.MessageCreated, new Message<string, byte[]> { Key = conversation.ToString(), Value = framed }, ct);
        }
        var valid = TestEvents.MessageCreated(conversation, "after the invalid one");
        await host.Services.GetRequiredService<IntegrationEventProducer>().PublishAsync(valid, ct);

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, db => db.HandledMessages.AnyAsync(m => m.EventId == valid.EventId, ct));
        await host.StopAsync(ct);

        // Assert: parked without handler attempts; the valid event behind it was handled.
        var parked = Assert.Single(await TopicReader.ReadUntilAsync(Kafka.BootstrapServers,
            Topics.MessageCreated + Topics.DeadLetterSuffix, r => r.Count >= 1, Timeout));
        Assert.Equal(framed, parked.Message.Value);
        Assert.Equal("0", TestEvents.Header(parked, EventHeaders.DeadLetterAttempts));
        Assert.Contains("Schema validation failed", TestEvents.Header(parked, EventHeaders.DeadLetterError));
    }

    [Fact]
    public async Task Consumer_WhenHandlerKeepsFailing_RetriesThenDeadLettersAndMovesOn()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var host = Host(builder => builder.Configuration["Kafka:Consumers:MaxAttempts"] = "3");
        await EventingTestHost.CreateSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversation = Guid.NewGuid();
        var failing = TestEvents.MessageCreated(conversation, RecordingMessageCreatedHandler.FailMarker + "always");
        var next = TestEvents.MessageCreated(conversation, "next");
        await producer.PublishAsync(failing, ct);
        await producer.PublishAsync(next, ct);

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, db => db.HandledMessages.AnyAsync(m => m.EventId == next.EventId, ct));
        await host.StopAsync(ct);

        // Assert: parked after 3 attempts, and none of the failed attempts' writes survived.
        var parked = Assert.Single(await TopicReader.ReadUntilAsync(Kafka.BootstrapServers,
            Topics.MessageCreated + Topics.DeadLetterSuffix, r => r.Count >= 1, Timeout));
        Assert.Equal(failing.EventId, TestEvents.EventIdOf(parked));
        Assert.Equal("3", TestEvents.Header(parked, EventHeaders.DeadLetterAttempts));
        Assert.Equal("Handler refused attempt 3", TestEvents.Header(parked, EventHeaders.DeadLetterError));
        Assert.Equal(0, await QueryAsync(host, db => db.HandledMessages.CountAsync(m => m.EventId == failing.EventId, ct)));
        Assert.Equal(0, await QueryAsync(host, db => db.Set<InboxMessage>().CountAsync(m => m.EventId == failing.EventId, ct)));
    }

    [Fact]
    public async Task Consumer_WhenManyEventsWait_HandlesThemInFewTransactions_EachOnce_InOrderPerKey()
    {
        // Arrange: 200 events over four conversations (keys), all waiting before the consumer starts.
        var ct = TestContext.Current.CancellationToken;
        using var host = Host();
        await EventingTestHost.CreateSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversations = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var events = Enumerable.Range(0, 200).Select(i => TestEvents.MessageCreated(conversations[i % 4], $"#{i}")).ToList();
        foreach (var @event in events)
        {
            await producer.PublishAsync(@event, ct);
        }

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, async db => await db.HandledMessages.CountAsync(ct) >= events.Count);
        await host.StopAsync(ct);

        // Assert: each once, each key's events in the order they were published, and batched.
        var handled = await QueryAsync(host, db => db.HandledMessages.OrderBy(m => m.Id).ToListAsync(ct));
        Assert.Equal(events.Select(e => e.EventId).Order(), handled.Select(m => m.EventId).Order());
        foreach (var conversation in conversations)
        {
            Assert.Equal(events.Where(e => e.ConversationId == conversation).Select(e => e.EventId),
                handled.Where(m => m.ConversationId == conversation).Select(m => m.EventId));
        }
        var transactions = handled.Select(m => m.TransactionId).Distinct().Count();
        Assert.True(transactions <= events.Count / 10, $"{events.Count} waiting events took {transactions} transactions");
        Assert.Equal(events.Count, await QueryAsync(host, db => db.Set<InboxMessage>().CountAsync(ct)));
    }

    [Fact]
    public async Task Consumer_WithMaxBatchSizeOne_HandlesEachEventInItsOwnTransaction()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = Host(builder => builder.Configuration["Kafka:Consumers:MaxBatchSize"] = "1");
        await EventingTestHost.CreateSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversation = Guid.NewGuid();
        var events = Enumerable.Range(0, 20).Select(i => TestEvents.MessageCreated(conversation, $"#{i}")).ToList();
        foreach (var @event in events)
        {
            await producer.PublishAsync(@event, ct);
        }

        await host.StartAsync(ct);
        await WaitForAsync(host, async db => await db.HandledMessages.CountAsync(ct) >= events.Count);
        await host.StopAsync(ct);

        var handled = await QueryAsync(host, db => db.HandledMessages.ToListAsync(ct));
        Assert.Equal(events.Count, handled.Select(m => m.TransactionId).Distinct().Count());
    }

    [Fact]
    public async Task Consumer_WhenOneEventOfABatchFails_HandlesTheOthersOnce_AndDeadLettersOnlyThatOne()
    {
        // Arrange: a failing event in the middle of 40 waiting ones, so it is part of a batch.
        var ct = TestContext.Current.CancellationToken;
        using var host = Host(builder => builder.Configuration["Kafka:Consumers:MaxAttempts"] = "2");
        await EventingTestHost.CreateSchemaAsync(host);
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversation = Guid.NewGuid();
        var events = Enumerable.Range(0, 40).Select(i => TestEvents.MessageCreated(conversation,
            i == 20 ? RecordingMessageCreatedHandler.FailMarker + "in a batch" : $"#{i}")).ToList();
        foreach (var @event in events)
        {
            await producer.PublishAsync(@event, ct);
        }
        var failing = events[20];
        var last = events[^1].EventId;

        // Act
        await host.StartAsync(ct);
        await WaitForAsync(host, db => db.HandledMessages.AnyAsync(m => m.EventId == last, ct));
        await host.StopAsync(ct);

        // Assert: the batch rolled back as a whole and went one by one: nothing twice, nothing of the failure kept.
        var handled = await QueryAsync(host, db => db.HandledMessages.OrderBy(m => m.Id).ToListAsync(ct));
        Assert.Equal(events.Where(e => e != failing).Select(e => e.EventId), handled.Select(m => m.EventId));
        Assert.Equal(events.Count - 1, await QueryAsync(host, db => db.Set<InboxMessage>().CountAsync(ct)));
        var parked = Assert.Single(await TopicReader.ReadUntilAsync(Kafka.BootstrapServers,
            Topics.MessageCreated + Topics.DeadLetterSuffix, r => r.Count >= 1, Timeout));
        Assert.Equal(failing.EventId, TestEvents.EventIdOf(parked));
    }

    private static async Task WaitForAsync(IHost host, Func<EventingTestDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await QueryAsync(host, condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {Timeout}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<T> QueryAsync<T>(IHost host, Func<EventingTestDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EventingTestDbContext>());
    }
}
