using Chat.AppHost.Dashboard;

namespace Chat.AppHost.Hosting;

public enum ConsoleMode
{
    /// <summary>A live table when the output is a terminal, plain lines otherwise.</summary>
    Auto,
    Plain,
    Silent,
}

public sealed class AppHostOptions
{
    /// <summary>Where every resource keeps its state: databases, Redis' AOF, the registry's schemas, secrets.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>The original's well-known ports (gateway 3000 ...) when free; tests turn this off and get free ports.</summary>
    public bool UseWellKnownPorts { get; set; } = true;

    public ConsoleMode Console { get; set; } = ConsoleMode.Auto;

    /// <summary>The environment services run in (ASPNETCORE_ENVIRONMENT).</summary>
    public string ServiceEnvironment { get; set; } = "Development";

    /// <summary>How long a resource may take from start to healthy before it counts as failed.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The dashboard and its OTLP receiver (<c>Dashboard:*</c>).</summary>
    public DashboardOptions Dashboard { get; set; } = new();

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "chat-apphost");
}
