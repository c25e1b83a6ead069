using System.Diagnostics;

namespace Chat.Tests.Gateway.Support;

/// <summary>Runs a command line tool to completion with a deadline and returns its standard output.</summary>
public static class ExternalProcess
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding Chat.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chat.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Chat.sln not found above " + AppContext.BaseDirectory);
    }
}
