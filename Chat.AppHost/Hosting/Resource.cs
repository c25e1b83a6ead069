namespace Chat.AppHost.Hosting;

/// <summary>
/// Something the AppHost runs or uses: a database server, Redis, Kafka, a service. It knows how to start,
/// stop and check itself; the <see cref="Orchestrator"/> decides when, after the resources it waits for are healthy.
/// </summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource _firstHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Resource> _waitsFor = [];
    private TaskCompletionSource? _restartRequest;

    public string Name { get; } = name;

    /// <summary>What kind of resource this is, for people: "PostgreSQL", "Redis", "Project"...</summary>
    public abstract string Type { get; }

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public ResourceHealth Health { get; private set; } = ResourceHealth.Unknown;

    /// <summary>Why the resource is in its state, when that needs saying (an exit code, a failure).</summary>
    public string? StateReason { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public int RestartCount { get; internal set; }

    public ResourceLog Log { get; } = new();

    /// <summary>Addresses people and other resources reach it at.</summary>
    public abstract IReadOnlyList<string> Endpoints { get; }

    /// <summary>The OS process, when the AppHost runs one for this resource.</summary>
    public virtual int? ProcessId => null;

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>Completes the first time the resource reports healthy; faults if it fails to start.</summary>
    public Task FirstHealthy => _firstHealthy.Task;

    public event Action<Resource>? Changed;

    internal void AddWaitFor(Resource resource)
    {
        if (resource != this && !_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    /// <summary>Marks a restart as asked for, so the orchestrator takes the coming exit for that and not for a crash.</summary>
    internal Task RequestRestart()
    {
        var request = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _restartRequest, request, null) ?? request).Task;
    }

    /// <summary>The pending restart request, if any, now handled by the caller.</summary>
    internal TaskCompletionSource? TakeRestartRequest() => Interlocked.Exchange(ref _restartRequest, null);

    /// <summary>While set, a requested stop holds the resource stopped until <see cref="ReleaseHold"/>.</summary>
    internal TaskCompletionSource? Hold { get; private set; }

    internal void HoldStopped() => Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void ReleaseHold()
    {
        var hold = Hold;
        Hold = null;
        hold?.TrySetResult();
    }

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync();

    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Completes when a started resource stops on its own (a crashed process); never for in-process resources.</summary>
    public virtual Task Exited => Task.Delay(Timeout.Infinite);

    /// <summary>Whether the orchestrator should start it again after it exits on its own.</summary>
    public virtual bool RestartOnExit => false;

    internal void SetState(ResourceState state, string? reason = null)
    {
        State = state;
        StateReason = reason;
        if (state == ResourceState.Running)
        {
            StartedAt = DateTimeOffset.UtcNow;
        }
        if (state is ResourceState.FailedToStart)
        {
            _firstHealthy.TrySetException(new ResourceFailedException(this, reason ?? "failed to start"));
        }
        if (state is not ResourceState.Running)
        {
            Health = ResourceHealth.Unknown;
        }
        Changed?.Invoke(this);
    }

    internal void SetHealth(ResourceHealth health)
    {
        if (health == ResourceHealth.Healthy)
        {
            _firstHealthy.TrySetResult();
        }
        if (Health != health)
        {
            Health = health;
            Changed?.Invoke(this);
        }
    }

    public override string ToString() => $"{Type} '{Name}'";
}
