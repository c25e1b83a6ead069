using System.Diagnostics;
using Chat.Bench.Client;
using Chat.Bench.Measurement;

namespace Chat.Bench.Scenarios;

/// <summary>
/// The figures of one measured window [from, to): messages delivered in it (each event's arrival inside the window)
/// and the latency of the messages due in it, from their due time (the open loop's schedule, so a sender's own slip
/// counts as latency: no coordinated omission) to each event's arrival.
/// </summary>
public sealed record DeliveryWindow(
    int Sent, int Failed, int MessagesDelivered, int NotificationsDelivered, TimeSpan Length,
    LatencySummary Reply, LatencySummary MessageAdded, LatencySummary NotificationAdded)
{
    public double MessagesPerSecond => MessagesDelivered / Length.TotalSeconds;

    public double NotificationsPerSecond => NotificationsDelivered / Length.TotalSeconds;

    public static DeliveryWindow Of(DeliveryArrivals arrivals, IReadOnlyCollection<SentMessage> sent, long from, long to)
    {
        bool Inside(long? at) => at >= from && at < to;
        var due = sent.Where(message => message.DueAt >= from && message.DueAt < to).ToArray();
        var accepted = due.Where(message => message.Error is null).ToArray();
        return new DeliveryWindow(
            due.Length,
            due.Length - accepted.Length,
            sent.Count(message => Inside(arrivals.MessageAt(message.Tag))),
            sent.Count(message => Inside(arrivals.NotificationAt(message.Tag))),
            Stopwatch.GetElapsedTime(from, to),
            LatencySummary.Of(accepted.Select(message => Milliseconds(message.DueAt, message.RepliedAt))),
            Latency(accepted, arrivals.MessageAt),
            Latency(accepted, arrivals.NotificationAt));
    }

    private static LatencySummary Latency(SentMessage[] messages, Func<string, long?> arrivedAt) =>
        LatencySummary.Of(messages.Select(message => arrivedAt(message.Tag) is { } at ? Milliseconds(message.DueAt, at) : (double?)null).OfType<double>());

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
