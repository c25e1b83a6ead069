namespace Chat.Gateway.WebSockets;

/// <summary>
/// Close codes of <c>graphql-transport-ws</c> (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) and
/// the two standard ones the gateway adds. The graphql-ws client retries 4403 and 1013 (with fresh
/// <c>connectionParams</c>) and gives up on 4400, 4401, 4406, 4409 and 4429.
/// </summary>
public static class CloseCodes
{
    public const int Normal = 1000;

    /// <summary>A client message larger than <c>WebSockets:MaxMessageBytes</c>.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>
    /// Try again later: the client read too slowly and its send queue overflowed, or tokens cannot be checked
    /// because Auth's signing keys are unreachable.
    /// </summary>
    public const int TryAgainLater = 1013;

    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;

    /// <summary>Missing or invalid token in <c>connection_init</c>, or the access token expired (see README).</summary>
    public const int Forbidden = 4403;

    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
}
