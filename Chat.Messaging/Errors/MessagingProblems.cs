using Chat.Messaging.Domain;
using Chat.ServiceDefaults.Problems;

namespace Chat.Messaging.Errors;

/// <summary>Messaging's own exceptions as problems; the shared ones (bad input, outages) are mapped by ServiceDefaults.</summary>
public sealed class MessagingProblems : IProblemMapping
{
    public Problem? Map(Exception exception) => exception switch
    {
        NotFoundException => new(StatusCodes.Status404NotFound, "Not found"),
        ForbiddenException => new(StatusCodes.Status403Forbidden, "Forbidden"),
        ConflictException => new(StatusCodes.Status409Conflict, "Conflict"),
        _ => null,
    };
}
