namespace Chat.Gateway.Configuration;

/// <summary>Browser origins allowed to call the gateway, section <c>Cors</c>; empty allows none.</summary>
public sealed class GatewayCorsOptions
{
    public const string SectionName = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
