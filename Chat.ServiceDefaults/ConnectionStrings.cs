using Microsoft.Extensions.Configuration;

namespace Chat.ServiceDefaults;

public static class ConnectionStrings
{
    /// <summary>Reads <c>ConnectionStrings:{name}</c>, failing at start-up with the key named when it is missing.</summary>
    public static string GetRequired(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{name}' is missing. " +
                $"Set it in configuration or as the environment variable 'ConnectionStrings__{name}' " +
                "(the AppHost sets it when it runs the service).");
}
