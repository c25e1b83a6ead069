namespace Chat.Contracts;

public sealed record TopicSpec(string Name, int Partitions);
