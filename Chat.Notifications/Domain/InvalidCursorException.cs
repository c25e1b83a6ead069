namespace Chat.Notifications.Domain;

/// <summary>The <c>after</c> cursor was not one this service handed out.</summary>
public sealed class InvalidCursorException() : Exception("The 'after' cursor is not valid.");
