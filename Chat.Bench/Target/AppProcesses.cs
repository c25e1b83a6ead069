namespace Chat.Bench.Target;

/// <summary>
/// The processes of one running app, found from its AppHost: the AppHost itself (which also hosts the Kafka mock
/// broker) and everything under the DCP started for it. DCP detaches from the AppHost, so its tree is found by the
/// <c>--monitor &lt;apphost pid&gt;</c> argument DCP is started with, not by parentage. Other apps on the machine
/// (a test run's) have their own DCP and are not counted.
/// </summary>
public sealed class AppProcesses(int appHostPid)
{
    public int AppHostPid => appHostPid;

    /// <summary>Every live process of the app, with the role it is reported under.</summary>
    public IReadOnlyList<(LinuxProcess Process, string Role)> Snapshot()
    {
        var all = LinuxProcess.All().ToList();
        var byPid = all.ToDictionary(process => process.Pid);
        var dcpRoots = all.Where(process => process.Name == "dcp" && process.CommandLine.Contains($"--monitor {appHostPid} ", StringComparison.Ordinal))
            .Select(process => process.Pid).ToHashSet();
        var inApp = new List<(LinuxProcess, string)>();
        foreach (var process in all)
        {
            if (process.Pid == appHostPid)
            {
                inApp.Add((process, ProcessRoles.AppHost));
            }
            else if (HasAncestorIn(process, dcpRoots, byPid))
            {
                inApp.Add((process, ProcessRoles.Of(process, byPid)));
            }
        }
        return inApp;
    }

    /// <summary>The first live process of a role (e.g. <c>gateway</c>), or null.</summary>
    public LinuxProcess? Find(string role) => Snapshot().FirstOrDefault(entry => entry.Role == role).Process;

    /// <summary>The AppHost of a running app: the only one on the machine, or the one using <paramref name="dataDirectory"/>.</summary>
    public static AppProcesses? Locate(string? dataDirectory)
    {
        var appHosts = LinuxProcess.All().Where(process => process.Name == "Chat.AppHost").ToList();
        if (dataDirectory is not null)
        {
            var full = Path.GetFullPath(dataDirectory);
            appHosts = [.. appHosts.Where(process => DataDirectoryOf(process) == full)];
        }
        return appHosts.Count == 1 ? new AppProcesses(appHosts[0].Pid) : null;
    }

    /// <summary>The <c>--Chat:DataDirectory</c> an AppHost was started with, or the AppHost's default.</summary>
    public static string DataDirectoryOf(LinuxProcess appHost)
    {
        var arguments = appHost.CommandLine.Split(' ');
        const string Key = "--Chat:DataDirectory";
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].StartsWith(Key + "=", StringComparison.Ordinal))
            {
                return Path.GetFullPath(arguments[i][(Key.Length + 1)..]);
            }
            if (arguments[i] == Key && i + 1 < arguments.Length)
            {
                return Path.GetFullPath(arguments[i + 1]);
            }
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "chat-apphost");
    }

    private static bool HasAncestorIn(LinuxProcess process, HashSet<int> roots, Dictionary<int, LinuxProcess> byPid)
    {
        for (var current = process; current is not null && current.Pid > 1; current = byPid.GetValueOrDefault(current.ParentPid))
        {
            if (roots.Contains(current.Pid))
            {
                return true;
            }
        }
        return false;
    }
}
