using Chat.AppHost.Hosting;

namespace Chat.AppHost.Terminal;

/// <summary>One line per state or health change: for logs, CI and terminals without a live display.</summary>
internal sealed class PlainResourceConsole(DistributedApplication app) : ResourceConsole
{
    public override Task RunAsync(CancellationToken stopping)
    {
        System.Console.WriteLine($"{DateTime.Now:HH:mm:ss} {DashboardLine(app)}");
        foreach (var resource in app.Resources)
        {
            resource.Changed += Print;
        }
        return Task.CompletedTask;
    }

    private static void Print(Resource resource) =>
        System.Console.WriteLine(
            $"{DateTime.Now:HH:mm:ss} {resource.Name,-16} {resource.State,-13} {resource.Health,-9} {string.Join(' ', resource.Endpoints)}" +
            (resource.StateReason is { } reason ? $"  ({reason})" : ""));

    public override void ReportStarted() =>
        System.Console.WriteLine($"{DateTime.Now:HH:mm:ss} All resources are healthy. GraphQL gateway: {GatewayUrl(app)}/graphql  {DashboardLine(app)}  (Ctrl+C stops everything)");

    public override void ReportFailures(IEnumerable<ResourceFailedException> failures)
    {
        foreach (var failure in failures)
        {
            System.Console.Error.WriteLine(failure.Message);
        }
    }
}
