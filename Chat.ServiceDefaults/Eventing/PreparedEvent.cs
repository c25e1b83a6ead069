namespace Chat.ServiceDefaults.Eventing;

/// <summary>An outgoing event whose payload has been validated and framed for the wire.</summary>
public sealed record PreparedEvent(OutgoingEvent Event, byte[] Value);
