namespace Chat.AppHost.Telemetry;

/// <summary>One attribute of a span, log record, resource or metric point, its value rendered as text.</summary>
public sealed record TelemetryAttribute(string Key, string Value);
