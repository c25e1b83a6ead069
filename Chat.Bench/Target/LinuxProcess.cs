namespace Chat.Bench.Target;

/// <summary>
/// One process as /proc shows it: its parent, name, command line and CPU time. Read fresh each time, because the
/// app's process set changes under load (Postgres starts a backend per connection).
/// </summary>
public sealed record LinuxProcess(int Pid, int ParentPid, string Name, long CpuTicks, long ReapedChildTicks)
{
    /// <summary>USER_HZ: the unit of /proc/&lt;pid&gt;/stat times, 100 on every Linux the SDK supports.</summary>
    public const double TicksPerSecond = 100;

    public static IEnumerable<LinuxProcess> All()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } process)
            {
                yield return process;
            }
        }
    }

    /// <summary>The process, or null once it has exited.</summary>
    public static LinuxProcess? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The name sits in parentheses and may itself contain spaces or parentheses: the fields start after the last ')'.
        var nameEnd = stat.LastIndexOf(')');
        var name = stat[(stat.IndexOf('(') + 1)..nameEnd];
        var fields = stat[(nameEnd + 2)..].Split(' ');
        // After the name: state, ppid (1) ... utime (11), stime (12), cutime (13), cstime (14).
        return new LinuxProcess(pid, int.Parse(fields[1]), name,
            long.Parse(fields[11]) + long.Parse(fields[12]), long.Parse(fields[13]) + long.Parse(fields[14]));
    }

    public string CommandLine => ReadOrEmpty($"/proc/{Pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>A variable of the process's environment (readable for our own user's processes), or null.</summary>
    public string? Environment(string variable)
    {
        var prefix = variable + "=";
        return ReadOrEmpty($"/proc/{Pid}/environ").Split('\0').FirstOrDefault(entry => entry.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    /// <summary>A line of /proc/&lt;pid&gt;/status in KiB (VmRSS, VmHWM...), or null.</summary>
    public long? StatusKiB(string field) =>
        ReadOrEmpty($"/proc/{Pid}/status").Split('\n').FirstOrDefault(line => line.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            : null;

    public int OpenFileCount => Directory.Exists($"/proc/{Pid}/fd") ? Directory.EnumerateFileSystemEntries($"/proc/{Pid}/fd").Count() : 0;

    /// <summary>"soft / hard" of the process's open-files limit, as in /proc/&lt;pid&gt;/limits.</summary>
    public string OpenFilesLimit =>
        ReadOrEmpty($"/proc/{Pid}/limits").Split('\n').FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            && line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var soft, var hard, ..]
            ? $"{soft} / {hard}"
            : "unknown";

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
