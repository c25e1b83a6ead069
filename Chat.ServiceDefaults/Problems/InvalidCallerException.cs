namespace Chat.ServiceDefaults.Problems;

/// <summary>An authenticated request whose token names no usable caller: the token is not acceptable (401).</summary>
public sealed class InvalidCallerException(string message) : Exception(message);
