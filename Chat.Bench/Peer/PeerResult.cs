namespace Chat.Bench.Peer;

/// <summary>What <c>xmpp-load.mjs</c> prints for one level or rate: delivered/s, latency (ms), losses, CPU per message.</summary>
public sealed record PeerResult(double PerSecond, double? P50, double? P99, int Sent, int Missing, double CpuMsPerMessage, double WarmUpSeconds, bool Stable);
