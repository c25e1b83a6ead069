using System.Diagnostics;

namespace Chat.AppHost.Processes;

/// <summary>Runs a short command to completion (chown, id...) and fails loudly if it fails.</summary>
public static class ProcessRunner
{
    public static string Run(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{fileName} exited with code {process.ExitCode}: {error.Trim()}");
    }
}
