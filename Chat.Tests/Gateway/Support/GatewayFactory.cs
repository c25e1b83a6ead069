using Chat.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Gateway.Support;

/// <summary>
/// The real gateway in-process, configured through the same keys the AppHost sets (e.g. <c>services:auth:http:0</c>).
/// </summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<GatewayApiMarker>
{
    /// <summary>A gateway whose Auth service is at <paramref name="authUrl"/>, plus extra settings.</summary>
    public static GatewayFactory WithAuthAt(Uri authUrl, params (string Key, string? Value)[] extra)
    {
        var all = new Dictionary<string, string?>
        {
            ["services:auth:http:0"] = authUrl.ToString().TrimEnd('/'),
            // Real-time feeds are not under test here: Redis and Kafka addresses where nothing listens.
            ["ConnectionStrings:redis"] = ClosedPort.Url().Authority,
            ["ConnectionStrings:kafka"] = ClosedPort.Url().Authority,
        };
        foreach (var (key, value) in extra)
        {
            all[key] = value;
        }

        return new GatewayFactory(all);
    }

    /// <summary>A gateway whose Auth service is down: nothing listens at its address.</summary>
    public static GatewayFactory WithAuthDown(params (string Key, string? Value)[] extra) =>
        WithAuthAt(ClosedPort.Url(), extra);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Request logs of every test would bury the failures; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("GATEWAY_TEST_LOG_LEVEL") ?? "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
