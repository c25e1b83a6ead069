using System.Runtime.InteropServices;

namespace Chat.AppHost.Processes;

/// <summary>POSIX signals by number, sent with libc's <c>kill</c>: .NET only offers SIGKILL through Process.Kill.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool RunningAsRoot => GetEffectiveUserId() == 0;

    public static string Name(int signal) => signal switch
    {
        SigInt => "SIGINT",
        SigKill => "SIGKILL",
        SigTerm => "SIGTERM",
        _ => signal.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
