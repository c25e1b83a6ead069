using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;

namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// The bare 401 of an authentication challenge (no exception behind it) says why: <c>reason</c> TOKEN_EXPIRED,
/// TOKEN_INVALID or TOKEN_MISSING and a detail, beside JwtBearer's <c>WWW-Authenticate</c> header
/// (<c>error="invalid_token"</c>, and for an expired token <c>error_description="The token expired at '…'"</c>).
/// </summary>
public static class UnauthorizedProblem
{
    public static void Customize(ProblemDetailsContext context)
    {
        if (context.Exception is not null || context.ProblemDetails.Status != StatusCodes.Status401Unauthorized ||
            TokenRejection.Of(context.HttpContext) is not { } rejection)
        {
            return;
        }

        context.ProblemDetails.Detail ??= rejection.Description;
        context.ProblemDetails.Extensions["reason"] = rejection.Reason;
    }
}
