using Chat.Contracts.Events;

namespace Chat.Presence.Endpoints.Contracts;

/// <summary>Body of <c>POST /presence</c>: ONLINE, AWAY, BUSY or OFFLINE (invisible / signed out).</summary>
public sealed record SetPresenceRequest(PresenceStatus? Status);
