using Chat.AppHost.Hosting;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Chat.Tests.Dashboard;

/// <summary>
/// The dashboard page in a real headless Chromium (Debian's, driven by Playwright): resources, console logs, a trace's
/// waterfall. Screenshots land in <c>bin/.../artifacts/dashboard/</c> for people to look at.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class DashboardPageTests(DashboardAppFixture fixture) : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard");
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (./chat test does it)");
        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--headless"],
        });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        _page.SetDefaultTimeout(20_000);
    }

    [Fact]
    public async Task ResourcesPage_ListsEveryResourceAsHealthy_WithEndpointLinksAndRestartButtons()
    {
        await _page.GotoAsync(fixture.DashboardUrl + "#/resources");

        var rows = _page.GetByTestId("resource-row");
        await Assertions.Expect(rows).ToHaveCountAsync(fixture.App.Resources.Count);
        await Assertions.Expect(_page.Locator("[data-testid=resource-row]:not([data-health=Healthy])")).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = ResourceNames.Gateway }).First.Locator($"a[href='{fixture.App[ResourceNames.Gateway].Endpoints[0]}']")).ToBeVisibleAsync();
        await Assertions.Expect(_page.GetByTestId($"restart-{ResourceNames.Auth}")).ToBeEnabledAsync();
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "resources.png"), FullPage = true });
    }

    [Fact]
    public async Task RestartButton_RestartsTheServiceInANewProcess_ShownHealthyAgain()
    {
        var notifications = fixture.App[ResourceNames.Notifications];
        await Eventually.TrueAsync(() => notifications.Health == ResourceHealth.Healthy, TimeSpan.FromSeconds(60), "notifications healthy before the click");
        var oldPid = notifications.ProcessId.ToString();
        await _page.GotoAsync(fixture.DashboardUrl + "#/resources");
        var row = _page.Locator($"[data-testid=resource-row][data-name={ResourceNames.Notifications}]");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-pid", oldPid!);

        await _page.GetByTestId($"restart-{ResourceNames.Notifications}").ClickAsync();

        await Assertions.Expect(row).Not.ToHaveAttributeAsync("data-pid", oldPid!, new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-health", "Healthy", new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-pid", notifications.ProcessId.ToString()!);
    }

    [Fact]
    public async Task ConsolePage_ShowsTheServiceOutput_AndFiltersIt()
    {
        await _page.GotoAsync(fixture.DashboardUrl + $"#/console/{ResourceNames.Gateway}");
        var lines = _page.GetByTestId("console-lines");
        await Assertions.Expect(lines).ToContainTextAsync("/health");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "console.png") });

        await _page.GetByTestId("console-filter").FillAsync("Request finished");

        await Assertions.Expect(lines).ToContainTextAsync("Request finished");
        var shown = (await lines.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(shown, line => Assert.Contains("Request finished", line, StringComparison.OrdinalIgnoreCase));
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "console-filtered.png") });
    }

    [Fact]
    public async Task TracePage_AfterSendMessage_ShowsTheWaterfallFromTheGatewayToTheWebSocketPush_AndSpanAttributes()
    {
        var traceId = await TracedMessageDelivery.SendAsync(fixture, TestContext.Current.CancellationToken);
        await TracedMessageDelivery.WaitForWholeTraceAsync(fixture.App.Dashboard!.Telemetry, traceId);

        await _page.GotoAsync(fixture.DashboardUrl + "#/traces");
        await _page.GetByPlaceholder("Service (e.g. gateway)").FillAsync(ResourceNames.Notifications);
        await _page.Locator($"[data-testid=trace-row][data-trace-id='{traceId}']").ClickAsync();

        var waterfall = _page.GetByTestId("waterfall");
        foreach (var service in new[] { ResourceNames.Gateway, ResourceNames.Messaging, ResourceNames.Notifications, TracedMessageDelivery.PushingGateway })
        {
            await Assertions.Expect(waterfall.Locator($"[data-testid=span-row][data-service={service}]").First).ToBeVisibleAsync();
        }
        await Assertions.Expect(waterfall).ToContainTextAsync("send message.created");
        await Assertions.Expect(waterfall).ToContainTextAsync("process message.created");
        await Assertions.Expect(waterfall).ToContainTextAsync("push notificationAdded");
        await waterfall.Locator("[data-testid=span-row]").Filter(new() { HasText = "send message.created" }).First.ClickAsync();
        var details = _page.GetByTestId("span-details");
        await Assertions.Expect(details).ToContainTextAsync("messaging.destination.name");
        await Assertions.Expect(details).ToContainTextAsync("service.name");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "trace.png"), FullPage = true });
    }

    [Fact]
    public async Task LogsAndMetricsPages_ShowTheStructuredLogsOfATrace_AndTheServicesMetrics()
    {
        var traceId = await TracedRegistration.SendAsync(fixture.GatewayUrl, TestContext.Current.CancellationToken);
        await TracedRegistration.WaitForCompleteTraceAsync(fixture.App.Dashboard!.Telemetry, traceId);
        await Eventually.TrueAsync(
            () => fixture.App.Dashboard.Telemetry.FindLogs(ResourceNames.Auth, traceId, null, 1).Count > 0,
            TimeSpan.FromSeconds(20), "auth's logs of the register trace");

        await _page.GotoAsync(fixture.DashboardUrl + $"#/traces/{traceId}");
        await _page.GetByText("logs of this trace").ClickAsync();

        var logs = _page.GetByTestId("logs");
        await Assertions.Expect(logs.Locator("tr").Filter(new() { HasText = ResourceNames.Auth }).First).ToBeVisibleAsync();
        await Assertions.Expect(logs.Locator($"a[href='#/traces/{traceId}']").First).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "logs.png") });

        await _page.GotoAsync(fixture.DashboardUrl + "#/metrics");
        await Assertions.Expect(_page.GetByTestId("metrics").Locator("tr").Filter(new() { HasText = ResourceNames.Gateway }).First).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "metrics.png") });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
