using Chat.AppHost.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Chat.AppHost.Terminal;

/// <summary>A live table of resources (state, health, endpoint) under the gateway's address.</summary>
internal sealed class LiveResourceConsole(DistributedApplication app) : ResourceConsole
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);
    private readonly List<string> _messages = [];
    private string _headline = "Starting…";

    private string Headline => $"{_headline}\n{Markup.Escape(DashboardLine(app))}";

    public override Task RunAsync(CancellationToken stopping) =>
        AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            while (!stopping.IsCancellationRequested || !AllStopped())
            {
                context.UpdateTarget(Render());
                await Task.Delay(RefreshInterval, CancellationToken.None);
                if (stopping.IsCancellationRequested)
                {
                    _headline = "Stopping…";
                }
            }
            _headline = "Stopped.";
            context.UpdateTarget(Render());
        });

    private bool AllStopped() => app.Resources.All(r =>
        r.State is ResourceState.Stopped or ResourceState.NotStarted or ResourceState.FailedToStart or ResourceState.Exited);

    public override void ReportStarted() =>
        _headline = $"[green]Ready.[/] GraphQL gateway: [link]{GatewayUrl(app)}/graphql[/]  (Ctrl+C stops everything)";

    public override void ReportFailures(IEnumerable<ResourceFailedException> failures)
    {
        _headline = "[red]Some resources failed to start[/] (Ctrl+C stops everything)";
        lock (_messages)
        {
            _messages.AddRange(failures.Select(f => f.Message));
        }
    }

    private IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Chat.AppHost")
            .AddColumns("Resource", "Type", "State", "Health", "Endpoint", "PID", "Restarts");
        foreach (var resource in app.Resources)
        {
            table.AddRow(
                Markup.Escape(resource.Name),
                Markup.Escape(resource.Type),
                StateMarkup(resource),
                HealthMarkup(resource.Health),
                Markup.Escape(string.Join(' ', resource.Endpoints)),
                resource.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                resource.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var rows = new List<IRenderable> { table, new Markup(Headline) };
        lock (_messages)
        {
            rows.AddRange(_messages.Select(message => new Panel(Markup.Escape(message)).BorderColor(Color.Red)));
        }
        return new Rows(rows);
    }

    private static string StateMarkup(Resource resource)
    {
        var color = resource.State switch
        {
            ResourceState.Running => "green",
            ResourceState.FailedToStart or ResourceState.Exited => "red",
            ResourceState.Restarting or ResourceState.Waiting or ResourceState.Starting => "yellow",
            _ => "grey",
        };
        var reason = resource.StateReason is { } text ? $" ({Markup.Escape(text)})" : "";
        return $"[{color}]{resource.State}[/]{reason}";
    }

    private static string HealthMarkup(ResourceHealth health) => health switch
    {
        ResourceHealth.Healthy => "[green]Healthy[/]",
        ResourceHealth.Unhealthy => "[red]Unhealthy[/]",
        _ => "[grey]…[/]",
    };
}
