namespace Chat.AppHost.Hosting;

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}
