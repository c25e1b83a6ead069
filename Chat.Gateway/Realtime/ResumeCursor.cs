using System.Globalization;
using Chat.Gateway.Errors;

namespace Chat.Gateway.Realtime;

/// <summary>A subscription's <c>after</c> argument: the <c>cursor</c> of the last event the client has.</summary>
public static class ResumeCursor
{
    /// <summary>Null without a cursor; BAD_USER_INPUT for anything that is not a cursor we gave out.</summary>
    public static long? Parse(string? after) => after switch
    {
        null => null,
        _ when long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position) => position,
        _ => throw new GatewayError(ErrorCodes.BadUserInput, "after must be the cursor of an event of this subscription.",
            new Dictionary<string, object?> { ["field"] = "after" }),
    };
}
