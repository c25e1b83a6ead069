using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// The one place where exceptions become problem details, in every service: the service's own mappings first,
/// then <see cref="CommonProblems"/>. Anything unmapped stays a 500 (a generic problem, no stack trace).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IEnumerable<IProblemMapping> mappings) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception) is not { } problem)
        {
            return false;
        }

        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail ?? exception.Message };
        if (problem.Field is not null)
        {
            details.Extensions["field"] = problem.Field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [problem.Field] = [details.Detail] };
        }

        if (problem.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private Problem? Map(Exception exception) =>
        mappings.Select(mapping => mapping.Map(exception)).FirstOrDefault(problem => problem is not null) ?? CommonProblems.Map(exception);
}
