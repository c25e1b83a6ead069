using Chat.ServiceDefaults;

namespace Chat.Tests.ServiceDefaults;

public sealed class TraceRateLimitTests
{
    /// <summary>A clock that only moves when the test says so.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000_000_000;
        public override long TimestampFrequency => 1_000_000; // microseconds
        public override long GetTimestamp() => Now;
    }

    private static int Take(TraceRateLimit limit, int attempts) => Enumerable.Range(0, attempts).Count(_ => limit.TryTake());

    [Fact]
    public void AtOneInstant_GrantsOneSecondsWorth_ThenNothing()
    {
        var limit = new TraceRateLimit(20, new ManualClock());

        Assert.Equal(20, Take(limit, 1_000));
    }

    [Fact]
    public void UnderSustainedDemand_GrantsTheRatePerSecond()
    {
        var clock = new ManualClock();
        var limit = new TraceRateLimit(20, clock);
        Take(limit, 1_000); // the initial burst

        var granted = 0;
        for (var millisecond = 0; millisecond < 10_000; millisecond++)
        {
            clock.Now += 1_000;
            granted += Take(limit, 10);
        }

        Assert.Equal(200, granted); // 10 s × 20/s, whatever the demand
    }

    [Fact]
    public void AfterAQuietPeriod_TheBurstIsBack_ButNoMore()
    {
        var clock = new ManualClock();
        var limit = new TraceRateLimit(5, clock);
        Take(limit, 100);

        clock.Now += 60 * 1_000_000; // a quiet minute saves up one second's worth, not sixty

        Assert.Equal(5, Take(limit, 100));
    }

    [Fact]
    public void BelowTheRate_GrantsEveryRequest()
    {
        var clock = new ManualClock();
        var limit = new TraceRateLimit(20, clock);

        var granted = 0;
        for (var i = 0; i < 500; i++)
        {
            clock.Now += 100_000; // 10 a second
            granted += Take(limit, 1);
        }

        Assert.Equal(500, granted);
    }

    [Fact]
    public void ManyThreadsAtOnce_ShareOneBudget()
    {
        var limit = new TraceRateLimit(1_000, new ManualClock());

        var granted = 0;
        Parallel.For(0, 8, _ => Interlocked.Add(ref granted, Take(limit, 10_000)));

        Assert.Equal(1_000, granted);
    }
}
