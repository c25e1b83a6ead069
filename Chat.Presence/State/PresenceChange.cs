using Chat.Presence.Domain;

namespace Chat.Presence.State;

/// <summary>The state after a write, and the transition it caused (null when the status stayed the same).</summary>
public sealed record PresenceChange(UserPresence Current, PresenceTransition? Transition);
