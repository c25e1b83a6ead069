namespace Chat.AppHost.Telemetry;

/// <summary>
/// The newest <c>capacity</c> items: adding to a full buffer drops the oldest, so a flood of telemetry costs
/// a fixed amount of memory instead of growing the AppHost until it dies.
/// </summary>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>How many items were pushed out by newer ones since the start.</summary>
    public long Dropped { get; private set; }

    public void AddRange(IEnumerable<T> items)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                if (_count == _items.Length)
                {
                    Dropped++;
                }
                else
                {
                    _count++;
                }
                _items[_next] = item;
                _next = (_next + 1) % _items.Length;
            }
        }
    }

    /// <summary>The items, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            var result = new T[_count];
            var start = (_next - _count + _items.Length) % _items.Length;
            for (var index = 0; index < _count; index++)
            {
                result[index] = _items[(start + index) % _items.Length];
            }
            return result;
        }
    }
}
