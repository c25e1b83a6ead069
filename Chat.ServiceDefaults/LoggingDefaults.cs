using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Chat.ServiceDefaults;

/// <summary>
/// The log levels every service starts from, as the lowest-priority configuration source, so <c>appsettings</c>,
/// environment variables (<c>Logging__LogLevel__…</c>) and the command line still override each one. Without them a
/// service logs every database command, every outgoing HTTP call and four lines per request at Information: on the
/// message path that was more CPU (in the service, DCP's log capture and the dashboard) than the work it described.
/// Those categories log at Warning, as in the ASP.NET Core templates; our own categories stay at Information.
/// </summary>
public static class LoggingDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    public static void AddTo(IHostApplicationBuilder builder) =>
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
}
