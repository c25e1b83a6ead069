using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Chat.ServiceDefaults.Eventing;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>
/// Reads one observable gauge of the "Chat.Eventing" meter, summed over the measurements whose tags match a filter
/// (tests run side by side, each with its own host and meter).
/// </summary>
public sealed class GaugeReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<double> _values = [];

    public GaugeReader(string instrumentName, Func<IReadOnlyDictionary<string, object?>, bool> tagFilter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EventingTelemetry.Name && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags, tagFilter));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(value, tags, tagFilter));
        _listener.Start();
    }

    /// <summary>Polls the gauge until the summed value satisfies the condition; returns that value.</summary>
    public async Task<double> WaitForAsync(Func<double, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            _values.Clear();
            _listener.RecordObservableInstruments();
            var total = _values.Sum();
            if (!_values.IsEmpty && condition(total))
            {
                return total;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Gauge condition not met within 30 s (last total {total})");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, Func<IReadOnlyDictionary<string, object?>, bool> filter)
    {
        var tagMap = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            tagMap[tag.Key] = tag.Value;
        }
        if (filter(tagMap))
        {
            _values.Add(value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
