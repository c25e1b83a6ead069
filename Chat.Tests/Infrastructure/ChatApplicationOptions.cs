namespace Chat.Tests.Infrastructure;

/// <summary>
/// Variations of the AppHost's declared application for a test run, passed to it as AppHost configuration
/// (<c>Chat:Services:&lt;name&gt;:Instances</c> and <c>:Environment:&lt;VARIABLE&gt;</c>, see ChatServiceExtensions).
/// </summary>
public sealed class ChatApplicationOptions
{
    /// <summary>How many instances of a service to run (default one): "gateway-2", "presence-2"... are the extra ones.</summary>
    public Dictionary<string, int> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>Settings given to every instance of a service, by service name (e.g. short presence thresholds in tests).</summary>
    public Dictionary<string, Dictionary<string, string>> ServiceSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>The options as AppHost command-line arguments.</summary>
    public IEnumerable<string> ToArguments() =>
        Instances.Select(entry => $"--Chat:Services:{entry.Key}:Instances={entry.Value}")
            .Concat(ServiceSettings.SelectMany(service => service.Value.Select(setting =>
                $"--Chat:Services:{service.Key}:Environment:{setting.Key}={setting.Value}")));
}
