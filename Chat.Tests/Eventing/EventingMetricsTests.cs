using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Eventing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class EventingMetricsTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private const string Group = "lag-test-group";

    [Fact]
    public async Task ConsumerLagGauge_WhileAHandlerHoldsTheFirstOfThreeMessages_ReportsTwoThenZero()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var gate = new HandlerGate();
        using var host = BuildHost(builder =>
        {
            builder.Services.AddSingleton(gate);
            builder.AddEventConsumer(Group, consumer => consumer.Handle<MessageCreated, GatedMessageCreatedHandler>());
        });
        var producer = host.Services.GetRequiredService<IntegrationEventProducer>();
        var conversation = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await producer.PublishAsync(TestEvents.MessageCreated(conversation, $"message {i}"), ct);
        }
        using var lag = new GaugeReader("chat.eventing.consumer.lag", tags => Equals(tags.GetValueOrDefault(EventingTelemetry.ConsumerGroup), Group));

        // Act
        await host.StartAsync(ct);
        var whileHeld = await lag.WaitForAsync(total => total == 2);
        gate.Release.Release(3);
        var afterRelease = await lag.WaitForAsync(total => total == 0);
        await host.StopAsync(ct);

        // Assert
        Assert.Equal(2, whileHeld);
        Assert.Equal(0, afterRelease);
    }
}
