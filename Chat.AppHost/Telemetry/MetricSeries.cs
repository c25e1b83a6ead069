namespace Chat.AppHost.Telemetry;

/// <summary>
/// One metric series (service, name, attributes) as the dashboard shows it: its latest point and, for what only
/// ever grows (a counter, a histogram's count), how much it grew per minute over the last minute — "messages sent
/// per minute" out of the cumulative <c>chat.messages.sent</c>.
/// </summary>
public sealed record MetricSeries(ReceivedMetricPoint Latest, double? PerMinute)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    /// <param name="points">The series' points, oldest first.</param>
    public static MetricSeries Of(IReadOnlyList<ReceivedMetricPoint> points)
    {
        var latest = points[^1];
        if (latest.Type is not ("counter" or "histogram"))
        {
            return new MetricSeries(latest, null);
        }

        var since = points.First(point => point.Timestamp >= latest.Timestamp - RateWindow);
        var elapsed = latest.Timestamp - since.Timestamp;
        return elapsed <= TimeSpan.Zero
            ? new MetricSeries(latest, null)
            // A restarted service starts its cumulative counts again from zero: no rate until it has a minute's worth.
            : new MetricSeries(latest, Growth(since, latest) is var growth and >= 0 ? growth / elapsed.TotalMinutes : null);
    }

    private static double Growth(ReceivedMetricPoint from, ReceivedMetricPoint to) =>
        to.Type == "histogram" ? (double)(to.Count ?? 0) - (from.Count ?? 0) : to.Value - from.Value;
}
