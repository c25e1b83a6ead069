namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// One batch of a conversation's log after a position, oldest first. <see cref="Position"/> is the position of the
/// last item (the request's <c>after</c> when there is none): pass it as <c>after</c> for the next batch.
/// <see cref="Latest"/> is the conversation's newest position when the batch was read, so a caller can tell how far
/// behind it is before replaying everything.
/// </summary>
public sealed record LogPageDto<T>(IReadOnlyList<T> Items, long Position, bool HasMore, long Latest);
