using System.Text;
using System.Text.Json;
using Chat.Gateway.Configuration;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chat.Gateway.Http;

/// <summary>
/// Reads a GraphQL-over-HTTP request: GET from the query string, POST from an <c>application/json</c> body in
/// any charset .NET can decode. Every parameter is type-checked, so a malformed request never reaches execution.
/// </summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLEndpointOptions> options)
{
    public GraphQLRequestReadResult ReadGet(HttpRequest request)
    {
        var query = request.Query;
        if (query["query"] is not [{ Length: > 0 } document])
        {
            return GraphQLRequestReadResult.Failure(400, "The 'query' parameter is required.");
        }

        try
        {
            return GraphQLRequestReadResult.Success(new GraphQLRequest
            {
                Query = document,
                OperationName = query["operationName"] is [{ Length: > 0 } name] ? name : null,
                Variables = ReadJsonParameter<Inputs>(query["variables"], "variables"),
                Extensions = ReadJsonParameter<Inputs>(query["extensions"], "extensions"),
            });
        }
        catch (InvalidRequestParameterException ex)
        {
            return GraphQLRequestReadResult.Failure(400, ex.Message);
        }
    }

    public async Task<GraphQLRequestReadResult> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLRequestReadResult.Failure(415, "Send the GraphQL request as 'application/json'.");
        }

        if (!TryGetEncoding(contentType.Charset.Value, out var encoding))
        {
            return GraphQLRequestReadResult.Failure(415, $"The charset '{contentType.Charset}' is not supported.");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return GraphQLRequestReadResult.Failure(413,
                $"The request body is larger than {options.Value.MaxRequestBodyBytes} bytes.");
        }

        if (body.Length == 0)
        {
            return GraphQLRequestReadResult.Failure(400, "The request body is empty; send {\"query\": \"...\"}.");
        }

        var utf8 = encoding.CodePage == Encoding.UTF8.CodePage ? body : Encoding.Convert(encoding, Encoding.UTF8, body);
        try
        {
            using var json = JsonDocument.Parse(utf8);
            return GraphQLRequestReadResult.Success(ReadRequestObject(json.RootElement));
        }
        catch (JsonException)
        {
            return GraphQLRequestReadResult.Failure(400, "The request body is not valid JSON.");
        }
        catch (InvalidRequestParameterException ex)
        {
            return GraphQLRequestReadResult.Failure(400, ex.Message);
        }
    }

    private GraphQLRequest ReadRequestObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestParameterException(root.ValueKind == JsonValueKind.Array
                ? "Batched requests are not supported; send one JSON object."
                : "The request body must be a JSON object.");
        }

        var query = root.TryGetProperty("query", out var q) ? q : default;
        if (query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 } document)
        {
            throw new InvalidRequestParameterException("The 'query' parameter is required and must be a string.");
        }

        return new GraphQLRequest
        {
            Query = document,
            OperationName = ReadOptional(root, "operationName", JsonValueKind.String, e => e.GetString()),
            Variables = ReadOptional(root, "variables", JsonValueKind.Object, e => serializer.ReadNode<Inputs>(e)),
            Extensions = ReadOptional(root, "extensions", JsonValueKind.Object, e => serializer.ReadNode<Inputs>(e)),
        };
    }

    private static T? ReadOptional<T>(JsonElement root, string name, JsonValueKind kind, Func<JsonElement, T?> read)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == kind
            ? read(value)
            : throw new InvalidRequestParameterException(
                $"The '{name}' parameter must be {(kind == JsonValueKind.Object ? "an object" : "a string")} or null.");
    }

    private T? ReadJsonParameter<T>(Microsoft.Extensions.Primitives.StringValues values, string name)
    {
        if (values is not [{ Length: > 0 } text])
        {
            return default;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind switch
            {
                JsonValueKind.Null => default,
                JsonValueKind.Object => serializer.ReadNode<T>(json.RootElement),
                _ => throw new InvalidRequestParameterException($"The '{name}' parameter must be a JSON object."),
            };
        }
        catch (JsonException)
        {
            throw new InvalidRequestParameterException($"The '{name}' parameter is not valid JSON.");
        }
    }

    /// <summary>The body, or <see langword="null"/> when it exceeds the limit (checked while reading, not only by Content-Length).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static bool TryGetEncoding(string? charset, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (string.IsNullOrEmpty(charset))
        {
            return true;
        }

        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class InvalidRequestParameterException(string message) : Exception(message);
}
