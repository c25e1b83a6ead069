namespace Chat.ServiceDefaults;

/// <summary>
/// At most <c>perSecond</c> permits per second on average, in bursts of up to one second's worth; lock-free (the
/// generic cell rate algorithm: one "theoretical arrival time" that each permit moves forward by one interval).
/// Sampling asks it for every root span, so it must cost no more than a compare-and-swap.
/// </summary>
public sealed class TraceRateLimit
{
    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly long _tolerance;
    private long _arrival;

    public TraceRateLimit(double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _time = time;
        _interval = Math.Max(1, (long)(time.TimestampFrequency / perSecond));
        _tolerance = Math.Max(0, time.TimestampFrequency - _interval);
        _arrival = time.GetTimestamp();
    }

    public bool TryTake()
    {
        var now = _time.GetTimestamp();
        while (true)
        {
            var arrival = Volatile.Read(ref _arrival);
            if (arrival > now + _tolerance)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _arrival, Math.Max(arrival, now) + _interval, arrival) == arrival)
            {
                return true;
            }
        }
    }
}
