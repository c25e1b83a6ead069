using System.Net.Http.Json;
using Chat.Bench.Target;
using Chat.Bench.Measurement;

namespace Chat.Bench;

/// <summary>
/// The running app a scenario measures: its gateway URL, its processes (for CPU and memory, when the AppHost is found
/// on this machine) and chat-db (for the raw-INSERT floor). Options: <c>--gateway URL</c> (default
/// http://127.0.0.1:3000/graphql; <c>direct</c>: the gateway process's own port, past DCP's proxy), <c>--data-dir</c>
/// (which app, when several run), <c>--chat-db CONNECTIONSTRING</c>, <c>--redis CONNECTIONSTRING</c>, <c>--start-app</c> (launch one for the run; <c>--keep-data</c> keeps its data folder).
/// </summary>
public sealed class BenchmarkTarget : IAsyncDisposable
{
    public const string DefaultGateway = "http://127.0.0.1:3000/graphql";

    private readonly AppLauncher? _launcher;
    private readonly string? _chatDbOption;

    private BenchmarkTarget(Uri gateway, AppProcesses? app, string? dataDirectory, string? chatDb, AppLauncher? launcher)
    {
        Gateway = gateway;
        App = app;
        DataDirectory = dataDirectory;
        _chatDbOption = chatDb;
        _launcher = launcher;
    }

    /// <summary>The GraphQL endpoint, e.g. http://127.0.0.1:3000/graphql.</summary>
    public Uri Gateway { get; }

    /// <summary>The app's processes, or null when its AppHost is not on this machine (then no CPU figures).</summary>
    public AppProcesses? App { get; }

    public string? DataDirectory { get; }

    public static async Task<BenchmarkTarget> ConnectAsync(CommandLine options, CancellationToken cancellationToken)
    {
        AppLauncher? launcher = null;
        var dataDirectory = options.Value("--data-dir") is { } dir ? Path.GetFullPath(dir) : null;
        var gatewayOption = options.Value("--gateway");
        AppProcesses? app;
        if (options.Flag("--start-app"))
        {
            dataDirectory ??= Path.Combine(Path.GetTempPath(), $"chat-bench-{Environment.ProcessId}");
            launcher = AppLauncher.Start(RepositoryRoot(), dataDirectory, options.Flag("--keep-data"));
            app = await launcher.WaitForAppHostAsync(cancellationToken);
            // Free ports: the well-known 3000 is not the launched app's.
            gatewayOption ??= "direct";
        }
        else
        {
            app = AppProcesses.Locate(dataDirectory);
        }

        if (app is not null)
        {
            dataDirectory ??= AppProcesses.DataDirectoryOf(LinuxProcess.Read(app.AppHostPid)!);
        }
        var gateway = gatewayOption == "direct"
            ? await DirectGatewayAsync(app, cancellationToken)
            : new Uri(gatewayOption ?? DefaultGateway);
        var target = new BenchmarkTarget(gateway, app, dataDirectory, options.Value("--chat-db"), launcher);
        await target.WaitUntilServingAsync(launcher is null ? TimeSpan.FromSeconds(10) : TimeSpan.FromMinutes(10), cancellationToken);
        return target;
    }

    /// <summary>chat-db's connection string: the option, else what Messaging was given, else the data folder's secret on 5433.</summary>
    public string ChatDbConnectionString()
    {
        if (_chatDbOption is not null)
        {
            return _chatDbOption;
        }
        if (App?.Find("messaging")?.Environment("ConnectionStrings__chat-db") is { } fromMessaging)
        {
            return fromMessaging;
        }
        var secret = DataDirectory is null ? null : Path.Combine(DataDirectory, "secrets", "chat-postgres");
        if (secret is null || !File.Exists(secret))
        {
            throw new InvalidOperationException("chat-db not found: pass --chat-db 'Host=...;Port=...;Username=postgres;Password=...;Database=chat' or --data-dir.");
        }
        return $"Host=127.0.0.1;Port=5433;Username=postgres;Password={File.ReadAllText(secret).Trim()};Database=chat";
    }

    /// <summary>Redis' connection string: the option, else what the gateway was given, else the data folder's secret on 6379.</summary>
    public string RedisConnectionString(CommandLine options)
    {
        if (options.Value("--redis") is { } option)
        {
            return option;
        }
        if (App?.Find(ProcessRoles.Gateway)?.Environment("ConnectionStrings__redis") is { } fromGateway)
        {
            return fromGateway;
        }
        var secret = DataDirectory is null ? null : Path.Combine(DataDirectory, "secrets", "redis");
        return secret is not null && File.Exists(secret)
            ? $"127.0.0.1:6379,password={File.ReadAllText(secret).Trim()}"
            : throw new InvalidOperationException("Redis not found: pass --redis 'HOST:PORT,password=...' or --data-dir.");
    }

    public void Describe()
    {
        Console.WriteLine($"# gateway {Gateway}; {Environment.ProcessorCount} cores; load average {LoadAverage.Now()}");
        if (App is null)
        {
            Console.WriteLine("# the app's AppHost is not on this machine (or several are: pass --data-dir): no CPU or memory figures");
            return;
        }
        var gateway = App.Find(ProcessRoles.Gateway);
        var build = gateway is null ? "?" : File.ResolveLinkTarget($"/proc/{gateway.Pid}/exe", false)?.FullName ?? "?";
        Console.WriteLine($"# app: AppHost pid {App.AppHostPid}, data {DataDirectory}, gateway binary {build}");
        if (build.Contains("/Debug/", StringComparison.Ordinal))
        {
            Console.WriteLine("# WARNING: the services are Debug builds (./chat run); start the app with dotnet run -c Release for figures");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_launcher is not null)
        {
            await _launcher.DisposeAsync();
        }
    }

    private async Task WaitUntilServingAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        string? lastProblem = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(Gateway, new { query = "{ __typename }" }, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                lastProblem = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastProblem = exception.Message;
            }
            await Task.Delay(1000, cancellationToken);
        }
        throw new InvalidOperationException($"No gateway answers at {Gateway} ({lastProblem}): start the app first (see the usage) or pass --gateway.");
    }

    /// <summary>The gateway process's own listening URL (ASPNETCORE_URLS), once it runs.</summary>
    private static async Task<Uri> DirectGatewayAsync(AppProcesses? app, CancellationToken cancellationToken)
    {
        if (app is null)
        {
            throw new InvalidOperationException("--gateway direct needs the app's AppHost on this machine.");
        }
        while (true)
        {
            if (app.Find(ProcessRoles.Gateway)?.Environment("ASPNETCORE_URLS") is { } urls)
            {
                return new Uri(new Uri(urls.Split(';')[0]), "/graphql");
            }
            if (LinuxProcess.Read(app.AppHostPid) is null)
            {
                throw new InvalidOperationException("The AppHost exited before the gateway started.");
            }
            await Task.Delay(1000, cancellationToken);
        }
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chat.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
