using Chat.AppHost.Telemetry;

namespace Chat.Tests.Dashboard;

public sealed class MetricSeriesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_ACounter_GrowthOverTheLastMinute_PerMinute()
    {
        var series = MetricSeries.Of([Point("counter", 100, at: -90), Point("counter", 130, at: -30), Point("counter", 160, at: 0)]);

        Assert.Equal(160, series.Latest.Value);
        Assert.Equal(60, series.PerMinute!.Value, precision: 6); // 30 more in the 30 s since the first point inside the minute
    }

    [Fact]
    public void Of_AHistogram_CountsObservationsPerMinute()
    {
        var series = MetricSeries.Of([Point("histogram", 1.5, at: -60, count: 10), Point("histogram", 3.0, at: 0, count: 40)]);

        Assert.Equal(30, series.PerMinute!.Value, precision: 6);
    }

    [Theory]
    [InlineData("gauge")]
    [InlineData("sum")]
    public void Of_AValueThatGoesUpAndDown_HasNoRate(string type) =>
        Assert.Null(MetricSeries.Of([Point(type, 1, at: -30), Point(type, 5, at: 0)]).PerMinute);

    [Fact]
    public void Of_ACounterThatStartedAgain_HasNoRateRatherThanANegativeOne() =>
        Assert.Null(MetricSeries.Of([Point("counter", 500, at: -30), Point("counter", 3, at: 0)]).PerMinute);

    [Fact]
    public void Of_ASinglePoint_HasNoRateYet() =>
        Assert.Null(MetricSeries.Of([Point("counter", 7, at: 0)]).PerMinute);

    private static ReceivedMetricPoint Point(string type, double value, int at, ulong? count = null) =>
        new(Start.AddSeconds(at), "messaging", "chat.messages.sent", "{message}", type, value, count, []);
}
