using System.ComponentModel.DataAnnotations;

namespace Chat.AppHost.Dashboard;

/// <summary>The <c>Dashboard:*</c> settings: where the dashboard listens and how much telemetry it keeps.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Off: no dashboard, no OTLP receiver, services export nowhere.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Aspire's dashboard port, used when free and the AppHost uses well-known ports; otherwise a free one.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 18888;

    [Range(1, 1_000_000)]
    public int MaxSpans { get; set; } = 20_000;

    [Range(1, 1_000_000)]
    public int MaxLogs { get; set; } = 20_000;

    [Range(1, 1_000_000)]
    public int MaxMetricPoints { get; set; } = 50_000;

    /// <summary>Attributes kept per span, log record, event or metric point (and events per span); the rest are dropped.</summary>
    [Range(1, 10_000)]
    public int MaxAttributeCount { get; set; } = 128;

    /// <summary>Attribute values and log messages longer than this are cut, so one huge value can't hold a lot of memory.</summary>
    [Range(16, 1_000_000)]
    public int MaxAttributeLength { get; set; } = 4_096;

    /// <summary>The largest OTLP export accepted (after decompression); larger ones get 413.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;
}
