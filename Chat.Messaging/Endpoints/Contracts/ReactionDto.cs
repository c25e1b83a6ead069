namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>One emoji's reactions on a message: how many members used it and whether the caller is one of them.</summary>
public sealed record ReactionDto(string Emoji, int Count, bool ReactedByMe);
