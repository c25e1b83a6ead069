namespace Chat.Bench.Target;

/// <summary>
/// What each of the app's processes is, as the CPU figures group them: a service (<c>gateway</c>...), a database
/// server (<c>postgres chat-postgres</c>, backends included), <c>redis</c>, the AppHost (the Kafka mock broker lives
/// there), or the local orchestration that a deployment does not have (DCP and its proxies, the dashboard,
/// the <c>dotnet run</c> wrappers).
/// </summary>
public static class ProcessRoles
{
    public const string AppHost = "apphost+kafka";
    public const string Gateway = "gateway";
    public const string Orchestration = "orchestration";

    public static bool IsOrchestration(string role) => role.StartsWith(Orchestration, StringComparison.Ordinal);

    public static string Of(LinuxProcess process, IReadOnlyDictionary<int, LinuxProcess> byPid)
    {
        if (process.Name.StartsWith("Chat.", StringComparison.Ordinal))
        {
            // /proc truncates names to 15 characters ("Chat.Notificati").
            var service = process.Name["Chat.".Length..].ToLowerInvariant();
            return service.StartsWith("notificati", StringComparison.Ordinal) ? "notifications"
                : service.StartsWith("schemaregi", StringComparison.Ordinal) ? "schema-registry"
                : service;
        }
        if (process.Name == "postgres")
        {
            // A backend or worker belongs to its postmaster, whose -D names the server.
            var postmaster = byPid.TryGetValue(process.ParentPid, out var parent) && parent.Name == "postgres" ? parent : process;
            return "postgres " + ServerName(postmaster.CommandLine);
        }
        return process.Name switch
        {
            "redis-server" => "redis",
            "dcp" => Orchestration + " (dcp)",
            "Aspire.Dashboar" => Orchestration + " (dashboard)",
            _ => Orchestration + " (" + process.Name + ")",
        };
    }

    private static string ServerName(string commandLine)
    {
        var arguments = commandLine.Split(' ');
        var index = Array.IndexOf(arguments, "-D");
        return index >= 0 && index + 1 < arguments.Length ? Path.GetFileName(arguments[index + 1].TrimEnd('/')) : "?";
    }
}
