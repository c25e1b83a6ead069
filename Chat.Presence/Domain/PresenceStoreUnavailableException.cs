namespace Chat.Presence.Domain;

/// <summary>Redis did not answer within <c>Presence:RedisTimeout</c> or is disconnected.</summary>
public sealed class PresenceStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
