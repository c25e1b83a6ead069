using Chat.Presence.Domain;
using Chat.ServiceDefaults.Problems;

namespace Chat.Presence.Errors;

/// <summary>Presence's own exceptions as problems; the shared ones (bad input, Redis or the database down) are in ServiceDefaults.</summary>
public sealed class PresenceProblems : IProblemMapping
{
    public Problem? Map(Exception exception) => exception switch
    {
        PresenceStoreUnavailableException => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "A dependency is unavailable. Try again shortly.", RetryAfter: CommonProblems.DependencyRetryAfter),
        _ => null,
    };
}
