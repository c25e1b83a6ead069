using System.Globalization;
using Chat.AppHost.Hosting;
using Chat.AppHost.Telemetry;
using Chat.Contracts;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Where the time of a message goes, from the traces every service exports to the AppHost: the spans around
/// <c>message.created</c> (the outbox's produce, each consumer's processing) that started in a window. A consumer
/// handles one message at a time, so 1000 / mean processing ms is the most messages per second it can keep up with.
/// </summary>
public static class SpanDigest
{
    public static IEnumerable<string> Describe(DistributedApplication app, DateTimeOffset from, DateTimeOffset to)
    {
        var spans = app.Dashboard?.Telemetry.Spans.Snapshot() ?? [];
        var childrenOf = spans.Where(span => span.ParentSpanId is not null).ToLookup(span => (span.TraceId, span.ParentSpanId!));
        return spans
            .Where(span => span.Name.EndsWith(" " + Topics.MessageCreated, StringComparison.Ordinal) && span.Start >= from && span.Start < to)
            .GroupBy(span => (span.ServiceName, span.Name))
            .OrderBy(group => group.Key)
            .SelectMany(group => Lines(group.Key.ServiceName, group.Key.Name, group.ToList(), childrenOf));
    }

    private static IEnumerable<string> Lines(
        string service, string name, List<ReceivedSpan> group, ILookup<(string, string), ReceivedSpan> childrenOf)
    {
        var summary = LatencySummary.Of(group.Select(span => span.DurationMilliseconds));
        var mean = group.Average(span => span.DurationMilliseconds);
        var isConsumer = name.StartsWith("process ", StringComparison.Ordinal);
        var capacity = isConsumer ? string.Create(CultureInfo.InvariantCulture, $" → one consumer keeps up with at most ~{1000 / mean:0} msg/s") : "";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"  span {service} '{name}': {summary.Count} spans, p50 {summary.P50:0.0} ms, mean {mean:0.0} ms, p99 {summary.P99:0.0} ms{capacity}");
        if (!isConsumer)
        {
            yield break;
        }

        // The direct children (database commands, Kafka sends...) per message: where its time goes. A child that
        // starts after its parent ended (the next hop's consumer, an outbox send) is not part of the parent's time.
        var children = group
            .SelectMany(span => childrenOf[(span.TraceId, span.SpanId)].Select(child => (child, Inside: child.Start < span.End)))
            .GroupBy(pair => (pair.child.Name, pair.Inside));
        foreach (var child in children.OrderByDescending(c => c.Key.Inside).ThenByDescending(c => c.Sum(pair => pair.child.DurationMilliseconds)).Take(6))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"    {(child.Key.Inside ? "inside" : "after")}: '{Shorten(child.Key.Name)}' {(double)child.Count() / group.Count:0.0} per message, " +
                $"mean {child.Average(pair => pair.child.DurationMilliseconds):0.0} ms");
        }
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : name[..57] + "...";
}
