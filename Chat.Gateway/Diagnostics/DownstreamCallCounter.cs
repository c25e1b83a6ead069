using System.Collections.Concurrent;

namespace Chat.Gateway.Diagnostics;

/// <summary>
/// Counts calls to downstream services by "service METHOD /path", so tests can prove batching (no N+1) against
/// the real running gateway. Only registered when <c>Diagnostics:CountDownstreamCalls</c> is true.
/// </summary>
public sealed class DownstreamCallCounter
{
    public const string SettingKey = "Diagnostics:CountDownstreamCalls";

    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public void Record(string service, HttpRequestMessage request) =>
        _calls.AddOrUpdate($"{service} {request.Method.Method} {request.RequestUri?.AbsolutePath}", 1, (_, count) => count + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_calls, StringComparer.Ordinal);
}
