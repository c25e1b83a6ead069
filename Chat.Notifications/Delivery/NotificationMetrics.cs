using System.Diagnostics.Metrics;

namespace Chat.Notifications.Delivery;

/// <summary>Meter <c>Chat.Notifications</c>: how many notifications are created and how fast they reach Redis.</summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "Chat.Notifications";
    public const string CreatedName = "chat.notifications.created";
    public const string DeliveryDurationName = "chat.notifications.delivery.duration";
    private const string TypeTag = "notification.type";

    private readonly Counter<long> _created;
    private readonly Histogram<double> _deliveryDuration;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>(CreatedName, "{notification}", "Notifications stored");
        _deliveryDuration = meter.CreateHistogram<double>(DeliveryDurationName, "s",
            "From the causing event's occurredAt to the notification's publication on Redis",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void Created(string type) => _created.Add(1, new KeyValuePair<string, object?>(TypeTag, type));

    public void Delivered(string type, TimeSpan sinceEvent) =>
        _deliveryDuration.Record(Math.Max(0, sinceEvent.TotalSeconds), new KeyValuePair<string, object?>(TypeTag, type));
}
