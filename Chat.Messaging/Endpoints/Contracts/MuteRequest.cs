namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>Mutes until <see cref="Until"/>, or until unmuted when it is null.</summary>
public sealed record MuteRequest(DateTimeOffset? Until);
