namespace Chat.ServiceDefaults.Eventing;

/// <summary>A consumed message that no retry can fix (not our framing, unknown schema, invalid payload): it goes to the dead-letter topic at once.</summary>
public sealed class PoisonMessageException(string message, Exception? inner = null) : Exception(message, inner);
