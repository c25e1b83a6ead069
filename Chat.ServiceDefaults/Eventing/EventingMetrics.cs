using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// The "Chat.Eventing" meter of one service: counters for sent, handled and dead-lettered events, and gauges
/// for outbox backlog and consumer lag, read from whichever publishers and consumers registered a source.
/// </summary>
public sealed class EventingMetrics
{
    private readonly ConcurrentDictionary<object, Func<IEnumerable<Measurement<long>>>> _lagSources = new();
    private readonly ConcurrentDictionary<object, Func<IEnumerable<Measurement<long>>>> _pendingSources = new();
    private readonly ConcurrentDictionary<object, Func<IEnumerable<Measurement<double>>>> _ageSources = new();

    public EventingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(EventingTelemetry.Name);
        Sent = meter.CreateCounter<long>("messaging.client.sent.messages", "{message}", "Events delivered to Kafka");
        Consumed = meter.CreateCounter<long>("messaging.client.consumed.messages", "{message}", "Events handled by consumers");
        DeadLettered = meter.CreateCounter<long>("chat.eventing.dead_lettered", "{message}", "Messages parked on a dead-letter topic");
        meter.CreateObservableGauge("chat.eventing.consumer.lag", () => _lagSources.Values.SelectMany(source => source()),
            "{message}", "High watermark minus position, per assigned partition");
        meter.CreateObservableGauge("chat.eventing.outbox.pending", () => _pendingSources.Values.SelectMany(source => source()),
            "{message}", "Outbox rows not yet sent");
        meter.CreateObservableGauge("chat.eventing.outbox.oldest_age", () => _ageSources.Values.SelectMany(source => source()),
            "s", "Age of the oldest unsent outbox row");
    }

    public Counter<long> Sent { get; }
    public Counter<long> Consumed { get; }
    public Counter<long> DeadLettered { get; }

    public IDisposable AddLagSource(Func<IEnumerable<Measurement<long>>> source) => Register(_lagSources, source);

    public IDisposable AddOutboxSource(Func<IEnumerable<Measurement<long>>> pending, Func<IEnumerable<Measurement<double>>> oldestAge)
    {
        var pendingRegistration = Register(_pendingSources, pending);
        var ageRegistration = Register(_ageSources, oldestAge);
        return new Registration(() =>
        {
            pendingRegistration.Dispose();
            ageRegistration.Dispose();
        });
    }

    private static IDisposable Register<T>(ConcurrentDictionary<object, Func<IEnumerable<Measurement<T>>>> sources, Func<IEnumerable<Measurement<T>>> source)
        where T : struct
    {
        var key = new object();
        sources[key] = source;
        return new Registration(() => sources.TryRemove(key, out _));
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
