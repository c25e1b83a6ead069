using System.Globalization;

namespace Chat.Tests.Infrastructure;

/// <summary>Reads the process tree from /proc: which processes a process started, directly or not.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> DescendantsOf(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, parent) in AllProcesses())
        {
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }
            list.Add(pid);
        }
        var result = new List<int>();
        var pending = new Stack<int>([rootPid]);
        while (pending.TryPop(out var current))
        {
            foreach (var child in children.GetValueOrDefault(current) ?? [])
            {
                result.Add(child);
                pending.Push(child);
            }
        }
        return result;
    }

    /// <summary>Whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z';
    }

    /// <summary>Every process with its command line (arguments joined by spaces).</summary>
    public static IEnumerable<(int Pid, string CommandLine)> All()
    {
        foreach (var (pid, _) in AllProcesses())
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            yield return (pid, commandLine);
        }
    }

    private static IEnumerable<(int Pid, int Parent)> AllProcesses()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ReadStat(pid) is { } stat)
            {
                yield return (pid, stat.Parent);
            }
        }
    }

    private static (char State, int Parent)? ReadStat(int pid)
    {
        try
        {
            // Format: "pid (comm) state ppid ..."; comm may contain spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
