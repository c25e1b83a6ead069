using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.Exceptions;

namespace Chat.Gateway.Errors;

/// <summary>
/// Turns every error into <c>{ message, locations, path, extensions: { code, ... } }</c> with a stable code.
/// Unexpected exceptions keep nothing of their message or stack (they are logged where they are caught).
/// </summary>
public sealed class GatewayErrorInfoProvider : IErrorInfoProvider
{
    public const string InternalErrorMessage = "An internal error occurred.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>();
        var message = executionError.Message;
        switch (executionError)
        {
            case GatewayError error:
                extensions["code"] = error.Code;
                foreach (var (key, value) in error.Details)
                {
                    extensions[key] = value;
                }
                break;
            case SyntaxError:
                extensions["code"] = ErrorCodes.ParseFailed;
                break;
            case InvalidVariableError:
                // Variable coercion failed: the client sent a value of the wrong shape.
                extensions["code"] = ErrorCodes.BadUserInput;
                break;
            case ValidationError:
                extensions["code"] = ErrorCodes.ValidationFailed;
                break;
            case RequestError or DocumentError:
                extensions["code"] = ErrorCodes.BadRequest;
                break;
            case TimeoutError:
                extensions["code"] = ErrorCodes.Timeout;
                message = "The operation took too long and was abandoned.";
                break;
            case UnhandledError { InnerException: GraphQLParserException parserError }:
                // graphql-dotnet wraps the parser's nesting limit (GraphQLMaxDepthExceededException) as unhandled;
                // it is the client's document that is at fault, and the parser's message says where.
                extensions["code"] = ErrorCodes.ParseFailed;
                message = parserError.Message;
                break;
            case UnhandledError:
                extensions["code"] = ErrorCodes.InternalServerError;
                message = InternalErrorMessage;
                break;
            default:
                // Errors graphql-dotnet raises itself carry no inner exception and a message meant for clients;
                // an inner exception means our code failed, and its text stays on the server.
                extensions["code"] = ErrorCodes.InternalServerError;
                message = executionError.InnerException is null ? message : InternalErrorMessage;
                break;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
