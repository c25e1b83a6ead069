using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// W3C trace context (<c>traceparent</c>/<c>tracestate</c>) in and out of Kafka headers, outbox rows and other carriers,
/// through <see cref="DistributedContextPropagator.Current"/> so it follows whatever propagator the process uses.
/// </summary>
public static class KafkaTraceContext
{
    /// <summary>The current activity's context as header name/value pairs (empty without an activity).</summary>
    public static Dictionary<string, string> Capture(Activity? activity)
    {
        var carrier = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (activity is not null)
        {
            DistributedContextPropagator.Current.Inject(activity, carrier,
                static (state, name, value) => ((Dictionary<string, string>)state!)[name] = value);
        }
        return carrier;
    }

    /// <summary>Writes the activity's context into the message headers, replacing any previous values.</summary>
    public static void Inject(Activity? activity, Headers headers)
    {
        foreach (var (name, value) in Capture(activity))
        {
            headers.Remove(name);
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }

    /// <summary>The remote parent context stored in a captured carrier, or default when none was captured.</summary>
    public static ActivityContext Extract(IReadOnlyDictionary<string, string>? carrier)
    {
        if (carrier is null || carrier.Count == 0)
        {
            return default;
        }
        DistributedContextPropagator.Current.ExtractTraceIdAndState(carrier,
            static (state, name, out value, out values) =>
            {
                values = null;
                value = ((IReadOnlyDictionary<string, string>)state!).GetValueOrDefault(name);
            },
            out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    /// <summary>The remote parent context carried in Kafka headers, or default when there is none.</summary>
    public static ActivityContext Extract(Headers? headers)
    {
        if (headers is null)
        {
            return default;
        }
        var carrier = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            carrier[header.Key] = Encoding.UTF8.GetString(header.GetValueBytes());
        }
        return Extract(carrier);
    }
}
