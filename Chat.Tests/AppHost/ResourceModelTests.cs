using Chat.AppHost;
using Chat.AppHost.Hosting;
using Chat.AppHost.Processes;
using Chat.AppHost.Resources;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.AppHost;

[Collection(DistributedAppCollection.Name)]
public sealed class ResourceModelTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly string _dataDirectory = TemporaryDirectory.Create("chat-model");

    [Fact]
    public async Task ConfiguredConnectionString_IsUsedInsteadOfLaunchingTheResource()
    {
        var redis = fixture.ConnectionStringOf(ResourceNames.Redis);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis })
            .Build();
        var builder = DistributedApplication.CreateBuilder(Options(), configuration).AddChatApplication();

        var declared = builder.Resources.Single(r => r.Name == ResourceNames.Redis);
        var gateway = (ProjectResource)builder.Resources.Single(r => r.Name == ResourceNames.Gateway);

        Assert.IsType<ExternalResource>(declared);
        Assert.Null(declared.ProcessId);
        Assert.Equal(redis, gateway.ResolveEnvironment()["ConnectionStrings__redis"]);
        Assert.True(await declared.IsHealthyAsync(TestContext.Current.CancellationToken));
        Assert.IsType<PostgresServerResource>(builder.Resources.Single(r => r.Name == ResourceNames.AuthDb));
    }

    [Fact]
    public async Task ResourceThatExitsAtStart_FailsWithItsReasonAndLogTail_AndDependentsDoNotStart()
    {
        var builder = DistributedApplication.CreateBuilder(Options());
        var broken = builder.AddResource(new ShellResource("broken", "echo 'cannot open config file' >&2; exit 3"));
        var dependent = builder.AddResource(new ShellResource("dependent", "sleep 60")).WaitFor(broken);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<AggregateException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        var messages = failure.InnerExceptions.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("exited with code 3", StringComparison.Ordinal) && m.Contains("cannot open config file", StringComparison.Ordinal));
        Assert.Equal(ResourceState.FailedToStart, dependent.Resource.State);
        Assert.Equal("dependency broken failed", dependent.Resource.StateReason);
        Assert.Null(dependent.Resource.ProcessId);
    }

    private AppHostOptions Options() => new()
    {
        DataDirectory = _dataDirectory,
        UseWellKnownPorts = false,
        Console = ConsoleMode.Silent,
        StartupTimeout = TimeSpan.FromSeconds(20),
    };

    public void Dispose() => TemporaryDirectory.Delete(_dataDirectory);

    /// <summary>A process resource running a shell command, healthy while it runs.</summary>
    private sealed class ShellResource(string name, string command) : ExecutableResource(name)
    {
        public override string Type => "Shell";

        public override IReadOnlyList<string> Endpoints => [];

        protected override ChildProcessSpec CreateProcessSpec() =>
            new("sh", ["-c", command], Path.GetTempPath(), new Dictionary<string, string>());

        public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
