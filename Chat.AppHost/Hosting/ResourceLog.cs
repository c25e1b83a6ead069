namespace Chat.AppHost.Hosting;

/// <summary>The last lines a resource printed, in a ring buffer so a chatty process can't grow the AppHost's memory.</summary>
public sealed class ResourceLog(int capacity = 2_000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _lock = new();
    private long _sequence;

    public event Action<LogLine>? LineAdded;

    public void Add(string text)
    {
        LogLine line;
        lock (_lock)
        {
            line = new LogLine(++_sequence, DateTimeOffset.UtcNow, text);
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
        LineAdded?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock)
        {
            return [.. _lines.Skip(Math.Max(0, _lines.Count - count)).Select(line => line.Text)];
        }
    }
}
