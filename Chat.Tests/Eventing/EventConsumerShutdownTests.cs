using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Eventing.Infrastructure;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class EventConsumerShutdownTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private const string Group = "shutdown-test-group";

    [Fact]
    public async Task StopAsync_WhileAMessageIsBeingHandled_FinishesItAndCommitsItsOffset()
    {
        // Arrange: a message whose handler is in flight when the host is asked to stop.
        var ct = TestContext.Current.CancellationToken;
        var gate = new HandlerGate();
        using var host = BuildHost(builder =>
        {
            builder.Services.AddSingleton(gate);
            builder.AddEventConsumer(Group, consumer => consumer.Handle<MessageCreated, GatedMessageCreatedHandler>());
        });
        await host.Services.GetRequiredService<IntegrationEventProducer>().PublishAsync(TestEvents.MessageCreated(Guid.NewGuid(), "in flight"), ct);
        await host.StartAsync(ct);
        Assert.True(await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), ct), "The handler never started");

        // Act: stop, and let the handler finish shortly after the stop began.
        var stopping = host.StopAsync(ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        gate.Release.Release();
        await stopping;

        // Assert: the group's committed offsets cover the message, so nobody handles it again.
        using var inspector = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = Kafka.BootstrapServers,
            GroupId = Group,
        }).Build();
        var partitions = Enumerable.Range(0, Topics.All.Single(t => t.Name == Topics.MessageCreated).Partitions)
            .Select(p => new TopicPartition(Topics.MessageCreated, p));
        var committed = inspector.Committed(partitions, TimeSpan.FromSeconds(10));
        Assert.Equal(1, committed.Where(c => !c.Offset.IsSpecial).Sum(c => c.Offset.Value));
    }
}
