using Chat.Gateway.Errors;
using GraphQL;

namespace Chat.Gateway.WebSockets;

/// <summary>Relays one subscription's response stream as <c>next</c> messages, then <c>complete</c> or <c>error</c>.</summary>
internal sealed class OperationObserver(GraphQLTransportWsProtocol protocol, string id) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => protocol.SendNext(id, value);

    public void OnError(Exception error) => protocol.SendErrors(id, new ExecutionResult
    {
        Errors = [error as ExecutionError ?? new GatewayError(ErrorCodes.InternalServerError, GatewayErrorInfoProvider.InternalErrorMessage)],
    });

    public void OnCompleted() => protocol.SendComplete(id);
}
