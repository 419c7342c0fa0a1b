using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Engagement;

/// <summary>The six groups of factors that make a collaboration work.</summary>
public enum HealthCategory
{
    /// <summary>The setting the coalition works in: its history, its standing, the climate.</summary>
    Environment = 1,

    /// <summary>Who the members are and how they relate: trust, the mix, self-interest, compromise.</summary>
    Membership = 2,

    /// <summary>How the coalition is organized and works: ownership, involvement, flexibility, roles, adaptability, pace.</summary>
    ProcessAndStructure = 3,

    /// <summary>How members hear from and talk to each other.</summary>
    Communication = 4,

    /// <summary>What the coalition is for: its goals, vision and distinct purpose.</summary>
    Purpose = 5,

    /// <summary>What it runs on: money, staff, time and leadership.</summary>
    Resources = 6,
}

/// <summary>Where a health check is in its life.</summary>
public enum HealthCheckStatus
{
    /// <summary>Members respond until its closing date.</summary>
    Open = 1,

    /// <summary>Closed: its respondents are recorded and its results can be read.</summary>
    Closed = 2,

    /// <summary>Cancelled without results.</summary>
    Cancelled = 3,
}

/// <summary>How a factor scores.</summary>
public enum ScoreBand
{
    /// <summary>Below 3: a concern to work on.</summary>
    Concern = 1,

    /// <summary>From 3 to below 4: borderline, worth discussing.</summary>
    Borderline = 2,

    /// <summary>4 and above: a strength to build on.</summary>
    Strength = 3,
}

/// <summary>Which way a score moved since the previous round.</summary>
public enum ChangeDirection
{
    /// <summary>It rose.</summary>
    Up = 1,

    /// <summary>It fell.</summary>
    Down = 2,

    /// <summary>It is the same.</summary>
    Unchanged = 3,
}

/// <summary>A statement members rate from 1 (strongly disagree) to 5 (strongly agree), worded so that agreeing is good.</summary>
/// <param name="Key">Its key, unique within the check.</param>
/// <param name="Category">The group of factors it belongs to.</param>
/// <param name="Factor">The factor it measures; statements sharing a factor share its category and name.</param>
/// <param name="FactorName">The factor's name: one line of at most 200 characters.</param>
/// <param name="Text">The statement: one line of at most 1,000 characters.</param>
public sealed record HealthStatement(HealthStatementKey Key, HealthCategory Category, FactorKey Factor, string FactorName, string Text);

/// <summary>A round of the health check: the input of <see cref="HealthCheck.Open"/>.</summary>
/// <param name="Coalition">The coalition assessed.</param>
/// <param name="Title">The round's title, such as <c>Spring 2026</c>: one line of at most 200 characters.</param>
/// <param name="ClosesOn">The last day members respond, in the coalition's time zone; not before the day it opens.</param>
/// <param name="Statements">The statements, 1 to 100, each key once (<see cref="HealthCheckStatements.Standard"/> is a sound set).</param>
/// <param name="MinimumRespondents">How many members must respond before any result is shown: 3 to 1,000 (default 3), and no more than the members on the roster.</param>
public sealed record HealthCheckDraft(CoalitionId Coalition, string Title, LocalDate ClosesOn, IReadOnlyList<HealthStatement> Statements, int MinimumRespondents = 3);

/// <summary>A rating of one statement.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Score">1 (strongly disagree) to 5 (strongly agree).</param>
public sealed record HealthRating(HealthStatementKey Statement, int Score);

/// <summary>A round of the health check opened.</summary>
/// <param name="Check">The check.</param>
/// <param name="Coalition">The coalition assessed.</param>
/// <param name="TimeZone">The coalition's time zone, in which the closing date is read.</param>
/// <param name="Title">The round's title.</param>
/// <param name="ClosesOn">The last day members respond.</param>
/// <param name="Statements">The statements.</param>
/// <param name="Roster">The members asked to respond: every active member when it opened, in id order.</param>
/// <param name="MinimumRespondents">How many must respond before results are shown.</param>
/// <param name="KeyFingerprint">A fingerprint of the anonymity key, to refuse another key; the key cannot be recovered from it.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record HealthCheckOpened(HealthCheckId Check, CoalitionId Coalition, string TimeZone, string Title, LocalDate ClosesOn, IReadOnlyList<HealthStatement> Statements, IReadOnlyList<PartnerId> Roster, int MinimumRespondents, string KeyFingerprint, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A response was recorded: ratings and a tag, and nothing that names the member. Its instant is the round's opening
/// instant and its actor a fixed anonymous actor, so neither says who responded or when.
/// </summary>
/// <param name="Check">The check.</param>
/// <param name="Tag">The response's tag under the round's anonymity key: 64 hexadecimal digits.</param>
/// <param name="Ratings">The ratings, in the order of the check's statements.</param>
/// <param name="At">The round's opening instant (the real instant is not recorded).</param>
/// <param name="By">The anonymous respondent (<see cref="HealthCheck.AnonymousRespondent"/>).</param>
public sealed record HealthCheckResponseRecorded(HealthCheckId Check, string Tag, IReadOnlyList<HealthRating> Ratings, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// The round closed. With at least its minimum number of respondents, they are recorded as a list in id order, which says
/// nothing of who answered what. With fewer, only their number is recorded: named beside so few stored responses, the
/// respondents could be matched to their ratings by anyone who reads the store.
/// </summary>
/// <remarks>
/// Closes stored before <paramref name="RespondentCount"/> existed name their respondents whatever their number, and still
/// read as stored: the property is absent from their JSON, so it reads as <see langword="null"/>.
/// </remarks>
/// <param name="Check">The check.</param>
/// <param name="Respondents">The members who responded, in id order; empty when the close records only their number.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
/// <param name="RespondentCount">
/// How many members responded, when the round closed with fewer than its minimum and names none (then
/// <paramref name="Respondents"/> is empty); <see langword="null"/> when <paramref name="Respondents"/> names them all.
/// </param>
public sealed record HealthCheckClosed(HealthCheckId Check, IReadOnlyList<PartnerId> Respondents, Instant At, Actor By, int? RespondentCount = null) : IDomainEvent;

/// <summary>The round was cancelled.</summary>
/// <param name="Check">The check.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record HealthCheckCancelled(HealthCheckId Check, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The bounds of a health check and its validators.</summary>
internal static class HealthCheckRules
{
    public const int MaxStatements = 100;
    public const int StatementLength = 1_000;
    public const int MinimumRespondents = 3;
    public const int MaxMinimumRespondents = 1_000;
    public const int LowestScore = 1;
    public const int HighestScore = 5;

    /// <summary>What is wrong with a set of statements, or null: bounds, unique keys, and one category and name per factor.</summary>
    public static string? StatementsProblem(IReadOnlyList<HealthStatement>? statements)
    {
        if (statements is null || statements.Count == 0 || statements.Count > MaxStatements || statements.Any(s => s is null))
        {
            return "A health check has 1 to 100 statements.";
        }

        if (statements.Any(s => !IsWellFormed(s)))
        {
            return "Each statement has a key, a category, a factor, a factor's name of one line (at most 200 characters) and a text of one line (at most 1,000).";
        }

        if (statements.Select(s => s.Key).Distinct().Count() != statements.Count)
        {
            return "A health check names each statement's key once.";
        }

        return statements.GroupBy(s => s.Factor).Any(g => g.Select(s => (s.Category, s.FactorName)).Distinct().Count() != 1)
            ? "Statements that share a factor share its category and its name."
            : null;
    }

    // A key, a defined category, and one-line texts within bounds: checked by hand, as a stored round replays it for every statement.
    private static bool IsWellFormed(HealthStatement statement) =>
        TypedKey.Problem(statement.Key.Value) is null && TypedKey.Problem(statement.Factor.Value) is null && Ensure.IsDefined(statement.Category) &&
        FreeText.Problem(statement.FactorName, true, Limits.NameLength) is null && FreeText.IsSingleLine(statement.FactorName) &&
        FreeText.Problem(statement.Text, true, StatementLength) is null && FreeText.IsSingleLine(statement.Text);
}

/// <summary>Checks a <see cref="HealthCheckDraft"/> at the boundary.</summary>
internal sealed class HealthCheckDraftValidator : AbstractValidator<HealthCheckDraft>
{
    public static readonly HealthCheckDraftValidator Instance = new();

    private HealthCheckDraftValidator()
    {
        var code = ErrorCodes.Engagement.InvalidInput.Code;
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.ClosesOn).IsDate();
        RuleFor(d => d.Statements).Must(s => HealthCheckRules.StatementsProblem(s) is null).WithErrorCode(code)
            .WithMessage(d => HealthCheckRules.StatementsProblem(d.Statements) ?? string.Empty);
        RuleFor(d => d.MinimumRespondents).InclusiveBetween(HealthCheckRules.MinimumRespondents, HealthCheckRules.MaxMinimumRespondents).WithErrorCode(code)
            .WithMessage("At least 3 (and at most 1,000) members must respond before results are shown, so no one's ratings can be singled out.");
    }
}
