using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Chat.Tests.AppHost;

/// <summary>
/// The AppHost as `./chat run` runs it: the Aspire dashboard, opened in Debian's headless Chromium (Playwright, which
/// waits for the page's client-side rendering), lists every resource and none left starting, waiting or unhealthy;
/// then SIGKILL of the AppHost leaves no postgres, redis-server or service process behind (DCP tears them down).
/// Screenshots land in <c>bin/.../artifacts/dashboard/</c>.
/// </summary>
public sealed class AspireDashboardTests
{
    private static readonly string Artifacts = HeadlessChromium.ArtifactsDirectory("dashboard");

    private static readonly string[] Resources =
    [
        "auth-postgres", "chat-postgres", "presence-postgres", "notification-postgres", ResourceNames.Redis, ResourceNames.Kafka,
        ResourceNames.SchemaRegistry, ResourceNames.Auth, ResourceNames.Messaging, ResourceNames.Presence, ResourceNames.Notifications, ResourceNames.Gateway,
    ];

    [Fact]
    public async Task Dashboard_ShowsEveryResourceRunning_AndKillingTheAppHostLeavesNoProcessBehind()
    {
        await using var host = AppHostProcess.Start();
        var loginUrl = await host.LoginUrl.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

        await using var chromium = await HeadlessChromium.LaunchAsync();

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(loginUrl.ToString());
        foreach (var name in Resources)
        {
            await Assertions.Expect(page.GetByText(name, new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        }
        await Eventually.ReturnsAsync(() => page.InnerTextAsync("body"),
            text => !text.Contains("Starting", StringComparison.Ordinal) && !text.Contains("Waiting", StringComparison.Ordinal)
                && !text.Contains("Unhealthy", StringComparison.Ordinal) && !text.Contains("Not started", StringComparison.Ordinal),
            TimeSpan.FromMinutes(4), "every resource running and healthy in the dashboard");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "resources.png"), FullPage = true });

        var dcp = host.DcpProcessId() ?? throw new InvalidOperationException("DCP is not running:\n" + host.Output);
        var children = ProcessTree.DescendantsOf(dcp);
        Assert.Contains(ProcessTree.All(), process => children.Contains(process.Pid) && process.CommandLine.Contains("postgres -D", StringComparison.Ordinal));

        host.Kill();

        await Eventually.ReturnsAsync(() => Task.FromResult(children.Where(ProcessTree.IsAlive).ToList()), alive => alive.Count == 0,
            TimeSpan.FromSeconds(90), "every process DCP started to end after the AppHost's SIGKILL");
    }
}
