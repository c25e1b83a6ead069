using System.Text.Json;
using Chat.Gateway.Configuration;
using Chat.Gateway.Diagnostics;
using Chat.Gateway.Errors;
using Chat.Gateway.Http;
using Chat.Gateway.Realtime;
using Chat.Gateway.Security;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// The server side of <c>graphql-transport-ws</c> for one connection: <c>connection_init</c> with an access token
/// (validated like an HTTP bearer token), then <c>subscribe</c>/<c>complete</c> and <c>ping</c>/<c>pong</c>. Each
/// protocol violation closes the socket with the code the protocol names (see <see cref="CloseCodes"/>).
/// </summary>
public sealed partial class GraphQLTransportWsProtocol(
    WebSocketConnection connection,
    HttpContext httpContext,
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    AccessTokenValidator tokens,
    CallerRateLimiter callers,
    ConnectionPresence presence,
    GatewayRealtimeMetrics metrics,
    IOptions<GraphQLWebSocketOptions> options,
    ILogger<GraphQLTransportWsProtocol> logger) : IAsyncDisposable
{
    private readonly SubscriptionList operations = new(metrics);
    private readonly ConnectionAuthentication authentication = new(connection, httpContext);
    private int initReceived;
    private IDisposable? presenceLease;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        // A closing connection (slow client, protocol error, expiry) stops its operations at once, so no more events
        // are resolved and serialized for a socket that will never send them.
        using var stopOperations = connection.Closing.Register(operations.RemoveAll);
        _ = CloseUnlessInitialisedAsync();
        await connection.RunAsync(HandleAsync, requestAborted);
    }

    private Task HandleAsync(IncomingMessage message) => message.Type switch
    {
        MessageTypes.ConnectionInit => InitialiseAsync(message.Payload),
        MessageTypes.Ping => PingAsync(message.Payload),
        MessageTypes.Pong => Task.CompletedTask,
        MessageTypes.Subscribe => SubscribeAsync(message.Id!, message.Payload!.Value),
        MessageTypes.Complete => Complete(message.Id!),
        _ => Close(CloseCodes.BadRequest, "Invalid message received"),
    };

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.Value.ConnectionInitTimeout, connection.Closing);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref initReceived) == 0)
        {
            connection.Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            await Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (!await authentication.AuthenticateAsync(payload, tokens, connection.Closing))
        {
            return;
        }

        LogConnected(logger, authentication.UserId);
        presenceLease = presence.Connected(authentication.UserId, () => authentication.AccessToken);
        connection.Send(OutgoingMessage.Create(MessageTypes.ConnectionAck));
    }

    /// <summary>A ping may carry a fresh access token (<c>{ "token": ... }</c>): the documented way to re-authenticate.</summary>
    private async Task PingAsync(JsonElement? payload)
    {
        if (authentication.IsAuthenticated && ConnectionAuthentication.ReadToken(payload) is not null &&
            !await authentication.AuthenticateAsync(payload, tokens, connection.Closing))
        {
            return;
        }
        connection.Send(OutgoingMessage.Create(MessageTypes.Pong));
    }

    private Task SubscribeAsync(string id, JsonElement payload)
    {
        if (!authentication.IsAuthenticated)
        {
            return Close(CloseCodes.Unauthorized, "Unauthorized");
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            request = null;
        }

        if (request?.Query is null)
        {
            return Close(CloseCodes.BadRequest, "Invalid message received");
        }

        if (operations.TryReserve(id) is not { } cancellationToken)
        {
            return Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        // Operations over the socket draw on the caller's budget like HTTP requests; a refused one ends with an error
        // and the connection carries on.
        using (var permit = callers.TryAcquire(httpContext))
        {
            if (!permit.IsAcquired)
            {
                SendErrors(id, new ExecutionResult { Errors = [GatewayError.RateLimited("Too many operations; slow down and retry later.",
                    permit.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null)] });
                return Task.CompletedTask;
            }
        }

        // A subscription is set up before the next message is read, so once a later ping is answered the subscription
        // is live. Queries and mutations run concurrently with the read loop: a long one never holds up pings.
        var document = TryParse(request.Query);
        var operation = GraphQLOperations.Select(document, request.OperationName);
        return operation is { Operation: OperationType.Subscription }
            ? ExecuteAsync(id, request, document, operation, cancellationToken)
            : Task.Run(() => ExecuteAsync(id, request, document, operation, cancellationToken), CancellationToken.None);
    }

    private async Task ExecuteAsync(
        string id, GraphQLRequest request, GraphQLDocument? document, GraphQLOperationDefinition? operation, CancellationToken cancellationToken)
    {
        ExecutionResult result;
        using var activity = GraphQLOperationTracing.Start(operation);
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = httpContext.RequestServices,
                User = httpContext.User,
                CancellationToken = cancellationToken,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // completed by the client meanwhile
        }
        GraphQLOperationTracing.Finish(activity, result);

        if (result.Streams is { Count: > 0 } streams)
        {
            operations.TryAttach(id, streams.Values.First().Subscribe(new OperationObserver(this, id)));
            return;
        }

        if (!operations.Contains(id))
        {
            return;
        }

        if (result.Data is null && result.Errors is { Count: > 0 })
        {
            SendErrors(id, result);
            return;
        }

        SendNext(id, result);
        SendComplete(id);
    }

    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null; // the executer reports the syntax error
        }
    }

    private Task Complete(string id)
    {
        // The client stopped it: no complete goes back (and an unknown id is simply ignored, as the protocol says).
        operations.TryRemove(id);
        return Task.CompletedTask;
    }

    private Task Close(int code, string reason)
    {
        LogClosing(logger, code, reason);
        connection.Close(code, reason);
        return Task.CompletedTask;
    }

    internal void SendNext(string id, ExecutionResult result)
    {
        if (operations.Contains(id))
        {
            connection.Send(OutgoingMessage.Create(MessageTypes.Next, id, serializer.Serialize(result)));
        }
    }

    internal void SendComplete(string id)
    {
        if (operations.TryRemove(id))
        {
            connection.Send(OutgoingMessage.Create(MessageTypes.Complete, id));
        }
    }

    /// <summary>An <c>error</c> message: the errors array of the result, after which the operation is over.</summary>
    internal void SendErrors(string id, ExecutionResult result)
    {
        if (operations.TryRemove(id))
        {
            using var document = JsonDocument.Parse(serializer.Serialize(new ExecutionResult { Errors = result.Errors }));
            connection.Send(OutgoingMessage.Create(MessageTypes.Error, id, document.RootElement.GetProperty("errors").GetRawText()));
        }
    }

    public ValueTask DisposeAsync()
    {
        operations.RemoveAll();
        authentication.Dispose();
        presenceLease?.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket connection of user {UserId} acknowledged")]
    private static partial void LogConnected(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing WebSocket connection with {Code}: {Reason}")]
    private static partial void LogClosing(ILogger logger, int code, string reason);
}
