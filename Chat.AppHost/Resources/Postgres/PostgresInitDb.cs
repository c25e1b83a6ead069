using System.Diagnostics;

namespace Chat.AppHost.Resources.Postgres;

/// <summary>Creates a server's data directory with <c>initdb</c> the first time it starts (scram-sha-256, UTF-8).</summary>
public static class PostgresInitDb
{
    public static async Task EnsureAsync(PostgresBinaries binaries, string dataDirectory, string password, Action<string> log, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, $".{Path.GetFileName(dataDirectory)}.pwfile");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            ServiceUser.GiveTo(dataDirectory, ServiceUser.Postgres);
            ServiceUser.GiveTo(passwordFile, ServiceUser.Postgres);
            var (command, prefix) = ServiceUser.Wrap(binaries.InitDb, ServiceUser.Postgres);
            var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            foreach (var argument in prefix.Concat(["-D", dataDirectory, "-U", NativePostgresServerResource.SuperUser, "--auth=scram-sha-256",
                $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C.UTF-8"]))
            {
                startInfo.ArgumentList.Add(argument);
            }
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            log((await output) + (await errors));
            if (process.ExitCode != 0)
            {
                // A half-made data directory would make every later start skip initdb and fail.
                Directory.Delete(dataDirectory, recursive: true);
                throw new InvalidOperationException($"initdb exited with code {process.ExitCode}: {await errors}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
