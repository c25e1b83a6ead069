using Microsoft.Playwright;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>; <c>./chat test</c> does it) driven by Playwright, headless.
/// Playwright's own browser download is not used: the build machines reach no download site. Pages wait up to
/// a minute for an element, since the two cores are shared with other test runs.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: apt-get install -y chromium (./chat test does it)");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // No sandbox: tests run as root. No background networking: nothing but the page under test goes out.
                Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync(int width = 1600, int height = 1000)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);
        return page;
    }

    /// <summary>Where a test's screenshots go: <c>bin/.../artifacts/{name}/</c>.</summary>
    public static string ArtifactsDirectory(string name) =>
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", name)).FullName;

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
