using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// Refuses, before any endpoint runs, request text that the store could not hold (<see cref="StorableText"/>): every
/// query-string and route value and every string in a JSON body, whatever endpoint or field it is meant for — so no
/// field can be forgotten and such text never reaches PostgreSQL, where it would fail as a server error. The field is
/// named by its JSON path (<c>content</c>, <c>input.title</c>) or query key.
/// </summary>
public sealed class StorableTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var invalid = FindInQuery(context.Request) ?? await FindInJsonBodyAsync(context.Request);
        if (invalid is { } found)
        {
            throw new InvalidInputException(found.Field, $"{found.Field} {found.Error}");
        }

        await next(context);
    }

    private static (string Field, string Error)? FindInQuery(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
            {
                if (StorableText.Error(value) is { } error)
                {
                    return (key, error);
                }
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && StorableText.Error(text) is { } error)
            {
                return (key, error);
            }
        }

        return null;
    }

    private static async Task<(string Field, string Error)?> FindInJsonBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || !IsJson(request.ContentType))
        {
            return null;
        }

        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var json = body.GetBuffer().AsSpan(0, (int)body.Length);
        // JSON can only carry U+0000 or a lone surrogate as an escape: without a backslash there is nothing to look at.
        return json.IndexOf((byte)'\\') < 0 ? null : FindInJson(json);
    }

    private static (string Field, string Error)? FindInJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        // The names of the objects and arrays we are in, and of the property whose value comes next.
        var containers = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Add(property ?? "");
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.RemoveAt(containers.Count - 1);
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped && Error(ref reader) is { } error:
                        return (FieldName(containers, property), error);
                }

                property = null;
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: model binding answers that with its own 400.
        }

        return null;
    }

    private static string? Error(ref Utf8JsonReader reader)
    {
        try
        {
            return StorableText.Error(reader.GetString());
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate that System.Text.Json itself cannot turn into a string.
            return "must be valid Unicode text (it holds an unpaired surrogate).";
        }
    }

    private static string FieldName(List<string> containers, string? property) =>
        string.Join('.', containers.Append(property ?? "").Where(segment => segment.Length > 0)) is { Length: > 0 } name ? name : "body";

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
