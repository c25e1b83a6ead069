using System.Text.RegularExpressions;
using Chat.AppHost.Resources;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>
/// Every service logs what it runs with when it starts — where it listens, its connection strings, its options —
/// and never a secret: the passwords the AppHost gave it appear nowhere in its console output.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed partial class StartupSummaryTests(DashboardAppFixture fixture)
{
    [Fact]
    public async Task EveryService_LogsItsConfigurationSummaryOnStart_WithoutItsPasswords()
    {
        var services = fixture.App.Resources.OfType<ProjectResource>().ToList();
        Assert.NotEmpty(services);

        foreach (var service in services)
        {
            await Eventually.TrueAsync(() => Lines(service).Any(line => line.Contains("Started Chat.", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(10), $"{service.Name}'s start-up summary");
            var lines = Lines(service);
            var connectionStrings = service.ResolveEnvironment()
                .Where(variable => variable.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
            var passwords = connectionStrings
                .SelectMany(variable => Password().Matches(variable.Value).Select(match => match.Groups["secret"].Value))
                .ToList();

            Assert.Contains(lines, line => line.Contains("Options = {", StringComparison.Ordinal));
            foreach (var (key, _) in connectionStrings)
            {
                Assert.Contains(lines, line => line.Contains($"Configuration ConnectionStrings:{key["ConnectionStrings__".Length..]} = ", StringComparison.Ordinal));
            }
            Assert.True(passwords.Count == 0 || lines.Any(line => line.Contains("assword=***", StringComparison.Ordinal)), $"{service.Name} shows its connection strings masked");
            foreach (var password in passwords)
            {
                Assert.DoesNotContain(lines, line => line.Contains(password, StringComparison.Ordinal));
            }
        }
    }

    private static List<string> Lines(ProjectResource service) => [.. service.Log.Snapshot().Select(line => line.Text)];

    [GeneratedRegex(@"password=(?<secret>[^;,]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
