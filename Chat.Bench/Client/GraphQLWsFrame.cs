using System.Text.Json;

namespace Chat.Bench.Client;

/// <summary>A <c>graphql-transport-ws</c> frame as read, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of its arrival.</summary>
public sealed record GraphQLWsFrame(string Type, string? Id, JsonElement? Payload, long ReceivedAt);
