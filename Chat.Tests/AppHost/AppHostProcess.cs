using System.Diagnostics;
using System.Text.RegularExpressions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.AppHost;

/// <summary>
/// The AppHost run as a user runs it (its own process, the Aspire dashboard on), on free ports with a throwaway data
/// folder. Knows the dashboard's login URL (with its token) from the AppHost's output.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _loginUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private AppHostProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public int ProcessId => _process.Id;

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public Task<Uri> LoginUrl => _loginUrl.Task;

    public static AppHostProcess Start()
    {
        var dataDirectory = TemporaryDirectory.Create("chat-apphost-process");
        var assembly = Path.Combine(RepositoryRoot.Path, "Chat.AppHost", "bin", "Debug", "net10.0", "Chat.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(assembly) };
        foreach (var argument in new[] { assembly, "--Chat:FreePorts=true", $"--Chat:DataDirectory={dataDirectory}" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        // What the http launch profile sets, on free ports.
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://localhost:{ServerProcess.FreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{ServerProcess.FreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{ServerProcess.FreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        var host = new AppHostProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true }, dataDirectory);
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (LoginLine().Match(line) is { Success: true } match)
        {
            _loginUrl.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Login to the dashboard at (\S+)")]
    private static partial Regex LoginLine();

    /// <summary>DCP's API server, which Aspire starts detached and which watches the AppHost's process.</summary>
    public int? DcpProcessId() => ProcessTree.All()
        .Where(process => process.CommandLine.Contains("start-apiserver", StringComparison.Ordinal)
            && process.CommandLine.Contains($"--monitor {ProcessId} ", StringComparison.Ordinal))
        .Select(process => (int?)process.Pid)
        .FirstOrDefault();

    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        TemporaryDirectory.Delete(DataDirectory);
    }
}
