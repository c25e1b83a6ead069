using System.Globalization;
using Chat.AppHost;
using Chat.ServiceDefaults;

namespace Chat.Bench;

/// <summary>The app's settings for a benchmark, and the scenarios' command-line options.</summary>
public static class BenchmarkSettings
{
    /// <summary>
    /// Limits meant for abusive clients raised (one load generator is one IP and a few users), and generous downstream
    /// timeouts: cold first calls (JIT, EF Core query compilation) on a busy machine exceed the 2 s production budget,
    /// and a timed-out set-up call would end the run before anything is measured.
    /// </summary>
    public static ChatApplicationOptions Unthrottled()
    {
        var settings = new ChatApplicationOptions();
        settings.ServiceSettings[ResourceNames.Gateway] = new()
        {
            ["RateLimiting__PermitsPerIp"] = "1000000",
            ["RateLimiting__PermitsPerUser"] = "1000000",
        };
        settings.ServiceSettings[ResourceNames.Auth] = new() { ["Auth__LoginRateLimit__PerIpPermitLimit"] = "100000" };
        // One call budget for the gateway and the services, which derive their own waits from it.
        foreach (var service in new[] { ResourceNames.Gateway, ResourceNames.Auth, ResourceNames.Messaging, ResourceNames.Presence, ResourceNames.Notifications })
        {
            var serviceSettings = settings.ServiceSettings.TryGetValue(service, out var existing) ? existing : settings.ServiceSettings[service] = [];
            serviceSettings["CallBudget__AttemptTimeout"] = "00:00:10";
            serviceSettings["CallBudget__TotalTimeout"] = "00:00:12";
        }
        return settings;
    }

    /// <summary>The value after <paramref name="name"/> on the command line, or null.</summary>
    public static string? Option(string[] options, string name) =>
        Array.IndexOf(options, name) is var index and >= 0 && index + 1 < options.Length ? options[index + 1] : null;

    public static int Option(string[] options, string name, int fallback) =>
        Option(options, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
