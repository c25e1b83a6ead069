using Chat.AppHost.Hosting;

namespace Chat.AppHost.Terminal;

/// <summary>For tests and embedding: the resources' state is read from the model, nothing is printed.</summary>
internal sealed class SilentResourceConsole : ResourceConsole
{
    public override Task RunAsync(CancellationToken stopping) => Task.CompletedTask;

    public override void ReportStarted()
    {
    }

    public override void ReportFailures(IEnumerable<ResourceFailedException> failures)
    {
    }
}
