namespace Chat.AppHost.Resources;

/// <summary>
/// PostgreSQL refuses to run as root. As root, its binaries run as the unprivileged <c>postgres</c> user through
/// <c>setpriv</c>, which execs the binary, so the process DCP watches (and the dashboard shows) is the postmaster.
/// It keeps only <c>CAP_DAC_READ_SEARCH</c>, so it can traverse a data folder inside <c>/root</c> (the default).
/// </summary>
public static class ServiceUser
{
    public const string Postgres = "postgres";

    public static bool RunningAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="binary"/> as <paramref name="user"/> when needed.</summary>
    public static (string Command, string[] Prefix) Wrap(string binary, string user) => RunningAsRoot
        ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", binary])
        : (binary, []);

    public static void GiveTo(string path, string user)
    {
        if (RunningAsRoot)
        {
            using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{user}:{user}", path]);
            chown.WaitForExit();
        }
    }
}
