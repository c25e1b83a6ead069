namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>Lets a test see that a handler started (<see cref="Entered"/>) and decide when it may finish (<see cref="Release"/>).</summary>
public sealed class HandlerGate
{
    public SemaphoreSlim Entered { get; } = new(0);
    public SemaphoreSlim Release { get; } = new(0);
}
