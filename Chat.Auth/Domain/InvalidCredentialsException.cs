namespace Chat.Auth.Domain;

/// <summary>Unknown email or wrong password: one exception, so both get the same answer.</summary>
public sealed class InvalidCredentialsException() : Exception("Invalid email or password.");
