using Coalitions.Core.Kernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Coalitions.Portal.Api;

/// <summary>
/// Turns the library's refusals into RFC 9457 problem details carrying its stable error codes: a refused rule is 422,
/// a refused actor (the command's authorization code, or no actor) 403, a concurrency conflict 409 (retryable: load
/// again and resend), an unknown id 404.
/// </summary>
public static class Problems
{
    /// <summary>The code the portal gives an id that names nothing.</summary>
    public const string UnknownId = "Portal.UnknownId";

    /// <summary>The code the portal gives a command sent by nobody signed in.</summary>
    public const string SignInRequired = "Portal.SignInRequired";


    /// <summary>The HTTP status for a refusal.</summary>
    /// <param name="refused">The refusal.</param>
    /// <returns>409, 403 or 422.</returns>
    public static int StatusFor(CoalitionRuleException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        if (refused.Has(ErrorCodes.Kernel.ConcurrencyConflict))
        {
            return StatusCodes.Status409Conflict;
        }

        // The library marks each failure about who acts (no actor, or one without a role the command's table names).
        return refused.IsAuthorizationRefusal ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
    }

    /// <summary>The problem details for a refusal.</summary>
    /// <param name="refused">The refusal.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem.</returns>
    public static ProblemDetails For(CoalitionRuleException refused, string? instance)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var status = StatusFor(refused);
        var problem = Make(status, refused.Code.Code, refused.Code.Rule, string.Join(" ", refused.Failures.Select(f => f.Message).Distinct()), instance);
        problem.Extensions["codes"] = refused.Codes.Select(c => c.Code).Distinct().ToArray();
        problem.Extensions["errors"] = refused.Failures.Select(f => new { code = f.Code.Code, message = f.Message }).ToArray();
        problem.Extensions["retryable"] = status == StatusCodes.Status409Conflict;
        return problem;
    }

    /// <summary>A problem the portal itself reports (an unknown id, nobody signed in).</summary>
    /// <param name="status">The status.</param>
    /// <param name="code">The code.</param>
    /// <param name="title">The rule, in one sentence.</param>
    /// <param name="detail">What happened.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>The problem.</returns>
    public static ProblemDetails Make(int status, string code, string title, string detail, string? instance)
    {
        var problem = new ProblemDetails
        {
            Type = $"urn:coalitions-core:error:{code}",
            Title = title,
            Status = status,
            Detail = detail,
            Instance = instance,
        };
        problem.Extensions["codes"] = new[] { code };
        problem.Extensions["retryable"] = false;
        return problem;
    }

    /// <summary>An unknown id.</summary>
    /// <param name="noun">What was looked for.</param>
    /// <param name="id">The id.</param>
    /// <param name="instance">The request path.</param>
    /// <returns>A 404 result.</returns>
    public static IResult NotFound(string noun, Guid id, string? instance) =>
        Result(Make(StatusCodes.Status404NotFound, UnknownId, "An id names something the store holds.", $"No {noun} has the id {id}.", instance));

    /// <summary>A problem as a result, with the problem+json media type.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The result.</returns>
    public static IResult Result(ProblemDetails problem) => Results.Problem(problem);
}

/// <summary>Handles a refusal that escapes an API endpoint.</summary>
/// <param name="writer">The problem details writer.</param>
internal sealed class RefusalHandler(IProblemDetailsService writer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CoalitionRuleException refused)
        {
            return false;
        }

        var problem = Problems.For(refused, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status409Conflict)
        {
            httpContext.Response.Headers.RetryAfter = "0";
        }

        return await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
