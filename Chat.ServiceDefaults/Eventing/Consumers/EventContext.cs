namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>Where a consumed event came from, and which delivery attempt this is (1 for the first).</summary>
public sealed record EventContext(string ConsumerGroup, string Topic, int Partition, long Offset, string? Key, int Attempt);
