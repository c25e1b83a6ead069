namespace Chat.AppHost;

/// <summary>Variations of the declared application, for tests and load runs; the defaults are what Program.cs runs.</summary>
public sealed class ChatApplicationOptions
{
    /// <summary>How many instances of a service to run (default one): "gateway-2", "presence-2"... are the extra ones.</summary>
    public Dictionary<string, int> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>Settings given to every instance of a service, by service name (e.g. short presence thresholds in tests).</summary>
    public Dictionary<string, Dictionary<string, string>> ServiceSettings { get; } = new(StringComparer.Ordinal);

    public int InstancesOf(string service) => Instances.GetValueOrDefault(service, 1);
}
