using Chat.AppHost.Hosting;

namespace Chat.AppHost.Terminal;

/// <summary>What the AppHost tells the person who started it: resources, their state, where the gateway is.</summary>
public abstract class ResourceConsole
{
    public static ResourceConsole Create(ConsoleMode mode, DistributedApplication app) => mode switch
    {
        ConsoleMode.Silent => new SilentResourceConsole(),
        ConsoleMode.Plain => new PlainResourceConsole(app),
        _ when System.Console.IsOutputRedirected => new PlainResourceConsole(app),
        _ => new LiveResourceConsole(app),
    };

    /// <summary>Shows the resources until <paramref name="stopping"/> is cancelled (and a little after, while they stop).</summary>
    public abstract Task RunAsync(CancellationToken stopping);

    public abstract void ReportStarted();

    public abstract void ReportFailures(IEnumerable<ResourceFailedException> failures);

    public void ReportMissingPrerequisites(IEnumerable<string> howToInstall)
    {
        foreach (var line in howToInstall)
        {
            System.Console.Error.WriteLine(line);
        }
    }

    protected static string DashboardLine(DistributedApplication app) =>
        app.Dashboard is { } dashboard ? $"Dashboard: {dashboard.Url}" : "Dashboard: off";

    protected static string GatewayUrl(DistributedApplication app) =>
        app.Resources.FirstOrDefault(r => r.Name == Chat.ServiceDefaults.ResourceNames.Gateway)?.Endpoints.FirstOrDefault() ?? "(no gateway)";
}
