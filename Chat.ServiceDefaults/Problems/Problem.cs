namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// What an exception means for the client: a status, a title, and optionally the client-facing detail (the
/// exception's message otherwise), the input field at fault, and when to retry.
/// </summary>
public sealed record Problem(int Status, string Title, string? Detail = null, string? Field = null, TimeSpan? RetryAfter = null);
