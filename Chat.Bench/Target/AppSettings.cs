namespace Chat.Bench.Target;

/// <summary>
/// The AppHost options a load run needs (passed to <c>./chat run</c> or <c>dotnet run --project Chat.AppHost --</c>):
/// the limits meant for abusive clients raised, since one load generator is one IP and a few users, and generous
/// downstream timeouts, since cold first calls on a busy machine exceed the 2 s production budget and a timed-out
/// set-up call would end the run before anything is measured.
/// </summary>
public static class AppSettings
{
    private static readonly string[] Services = ["gateway", "auth", "messaging", "presence", "notifications"];

    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--Chat:Services:gateway:Environment:RateLimiting__PermitsPerIp=1000000",
        "--Chat:Services:gateway:Environment:RateLimiting__PermitsPerUser=1000000",
        "--Chat:Services:auth:Environment:Auth__LoginRateLimit__PerIpPermitLimit=100000",
        .. Services.SelectMany(service => new[]
        {
            $"--Chat:Services:{service}:Environment:CallBudget__AttemptTimeout=00:00:10",
            $"--Chat:Services:{service}:Environment:CallBudget__TotalTimeout=00:00:12",
        }),
    ];

    /// <summary>How to start the app for a run by hand, in another terminal.</summary>
    public static string StartCommand(string dataDirectory) =>
        $"dotnet run -c Release --project Chat.AppHost --launch-profile http -- --Chat:DataDirectory={dataDirectory} {string.Join(' ', Arguments)}";
}
