using Chat.AppHost.Telemetry;

namespace Chat.Tests.Dashboard;

public sealed class RingBufferTests
{
    [Fact]
    public void AddRange_BeyondCapacity_KeepsTheNewestInOrderAndCountsTheDropped()
    {
        var buffer = new RingBuffer<int>(capacity: 5);

        buffer.AddRange(Enumerable.Range(1, 3));
        buffer.AddRange(Enumerable.Range(4, 9));

        Assert.Equal([8, 9, 10, 11, 12], buffer.Snapshot());
        Assert.Equal(5, buffer.Count);
        Assert.Equal(7, buffer.Dropped);
    }

    [Fact]
    public void AddRange_FromManyThreads_NeverHoldsMoreThanCapacity()
    {
        var buffer = new RingBuffer<int>(capacity: 100);

        Parallel.For(0, 50, batch => buffer.AddRange(Enumerable.Range(batch * 1_000, 1_000)));

        Assert.Equal(100, buffer.Count);
        Assert.Equal(100, buffer.Snapshot().Count);
        Assert.Equal(50_000 - 100, buffer.Dropped);
    }
}
