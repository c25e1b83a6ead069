namespace Chat.AppHost.Telemetry;

public enum SpanStatus
{
    Unset,
    Ok,
    Error,
}
