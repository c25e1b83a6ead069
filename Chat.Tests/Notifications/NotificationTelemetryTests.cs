using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Chat.Contracts;
using Chat.Notifications.Delivery;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Notifications;

/// <summary>What the service tells the rest of the system: delivery metrics and notification.created events.</summary>
public sealed class NotificationTelemetryTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task NewNotifications_AreCountedAndTheirDeliveryLatencyIsRecorded()
    {
        // Arrange: listen to this service instance's own meter only (other tests run services side by side).
        var service = _env.StartService();
        var meters = service.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Type)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NotificationMetrics.MeterName && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, TypeOf(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, TypeOf(tags))));
        listener.Start();
        var (sender, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var message = NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob, carol]);

        // Act
        await _env.PublishAsync(message);

        // Assert: two created, two delivered, each within the test's lifetime and tagged with its type.
        await Eventually.TrueAsync(() => measurements.Count(m => m.Instrument == NotificationMetrics.DeliveryDurationName) >= 2,
            NotificationTestEnvironment.Timeout, "two delivery measurements");
        var created = measurements.Where(m => m.Instrument == NotificationMetrics.CreatedName).ToList();
        var latencies = measurements.Where(m => m.Instrument == NotificationMetrics.DeliveryDurationName).ToList();
        Assert.Equal(2, created.Sum(m => m.Value));
        Assert.All(created.Concat(latencies), m => Assert.Equal("NEW_MESSAGE", m.Type));
        Assert.All(latencies, m => Assert.InRange(m.Value, 0, NotificationTestEnvironment.Timeout.TotalSeconds));
    }

    [Fact]
    public async Task NewNotifications_ArePublishedAsNotificationCreatedEvents_KeyedByUser()
    {
        // Arrange
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var message = NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob]);

        // Act
        await _env.PublishAsync(message);

        // Assert
        var id = await _env.WaitForAsync(db => db.Notifications.Where(n => n.UserId == bob).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(),
            found => found is not null, "bob's notification");
        var events = await TopicReader.ReadUntilAsync(_env.KafkaBootstrapServers, Topics.NotificationCreated,
            read => read.Any(r => r.Message.Key == bob.ToString()), NotificationTestEnvironment.Timeout);
        var created = events.Single(r => r.Message.Key == bob.ToString());
        // Confluent framing: magic byte and schema id, then the JSON payload.
        Assert.Contains(id.ToString()!, Encoding.UTF8.GetString(created.Message.Value!.AsSpan(5)), StringComparison.OrdinalIgnoreCase);
    }

    private static string? TypeOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "notification.type")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
