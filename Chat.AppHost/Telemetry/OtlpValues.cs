using System.Globalization;
using Chat.AppHost.Dashboard;
using Chat.AppHost.Telemetry.Protos;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Chat.AppHost.Telemetry;

/// <summary>
/// Turns OTLP's wire values (byte ids, nanosecond times, AnyValue) into what the dashboard shows, within the
/// attribute limits of <see cref="DashboardOptions"/>: the ring buffers bound how many items are kept, these
/// bound how big each one can be.
/// </summary>
internal sealed class OtlpValues(DashboardOptions options)
{
    public const string UnknownService = "unknown_service";

    public static string? Hex(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    public IReadOnlyList<TelemetryAttribute> Attributes(RepeatedField<KeyValue> attributes) =>
        [.. attributes.Take(options.MaxAttributeCount).Select(attribute => new TelemetryAttribute(Cut(attribute.Key), Text(attribute.Value)))];

    public IReadOnlyList<T> Limit<T>(IEnumerable<T> items) => [.. items.Take(options.MaxAttributeCount)];

    public string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(attribute => attribute.Key == "service.name") is { } name ? Text(name.Value) : UnknownService;

    public string Text(AnyValue? value) => Cut(value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Take(options.MaxAttributeCount).Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Take(options.MaxAttributeCount).Select(kv => kv.Key + ": " + Text(kv.Value))) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span[..Math.Min(value.BytesValue.Length, options.MaxAttributeLength)]),
        _ => "",
    });

    public string Cut(string text) => text.Length <= options.MaxAttributeLength ? text : string.Concat(text.AsSpan(0, options.MaxAttributeLength), "…");
}
