using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Advocacy;

/// <summary>Where a policy position is in its life.</summary>
public enum PositionStatus
{
    /// <summary>Being drafted; never adopted.</summary>
    Draft = 1,

    /// <summary>A version is in effect, adopted by a decision, but not yet published (it binds the coalition's voice internally).</summary>
    Adopted = 2,

    /// <summary>The version in effect is published: the coalition says it in public.</summary>
    Published = 3,

    /// <summary>Retired by a decision; no version is in effect any more.</summary>
    Retired = 4,

    /// <summary>Withdrawn before any version was adopted.</summary>
    Withdrawn = 5,
}

/// <summary>What a member drafts as a policy position: the input of <see cref="PolicyPosition.Draft"/>.</summary>
/// <param name="Coalition">The coalition whose position it would be.</param>
/// <param name="Issue">The issue it takes a position on; several positions may share an issue.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Text">Its text: at most 20,000 characters; line breaks allowed, other control characters not.</param>
public sealed record PositionDraft(CoalitionId Coalition, IssueKey Issue, string Title, string Text);

/// <summary>One version of a policy position: its words and, once adopted, the decision it cites.</summary>
/// <param name="Number">The version number, from 1.</param>
/// <param name="Title">Its title.</param>
/// <param name="Text">Its text.</param>
/// <param name="DraftedBy">The member who drafted it, or <see langword="null"/> when a coordinator drafted it for the coalition.</param>
/// <param name="RevisedAt">When its words last changed; a decision taken before then cannot adopt it.</param>
/// <param name="AdoptedAt">When it was adopted, if it was.</param>
/// <param name="Decision">The decision that adopted it, if adopted.</param>
/// <param name="PublishedAt">When it was published, if it was.</param>
public sealed record PositionVersion(int Number, string Title, string Text, PartnerId? DraftedBy, Instant RevisedAt, Instant? AdoptedAt = null, DecisionReference? Decision = null, Instant? PublishedAt = null)
{
    /// <summary>Gets whether the version was adopted.</summary>
    public bool IsAdopted => AdoptedAt is not null;
}

/// <summary>A member's reservation on an adopted version: the coalition speaks, but not in that member's name.</summary>
/// <param name="Version">The version it concerns.</param>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why, in the member's words.</param>
/// <param name="At">When it was recorded.</param>
public sealed record PositionReservation(int Version, PartnerId Member, string Reason, Instant At);

/// <summary>A coalition's position on an issue as it stood at an instant.</summary>
/// <param name="Position">The position.</param>
/// <param name="Issue">The issue.</param>
/// <param name="Version">The version in effect then.</param>
/// <param name="Published">Whether that version had been published by then.</param>
/// <param name="Reservations">The members who held a reservation on that version then.</param>
public sealed record PositionInEffect(PolicyPositionId Position, IssueKey Issue, PositionVersion Version, bool Published, IReadOnlyList<PartnerId> Reservations)
{
    /// <summary>Describes the position in plain words, for a briefing or a results page.</summary>
    /// <param name="names">Members' names, where the host has them; otherwise ids are shown.</param>
    /// <param name="zone">The time zone for dates (the coalition's); UTC when omitted.</param>
    /// <returns>For example <c>"Teachers first" (education-budget), version 2, adopted on 5 March 2026, published on 6 March 2026. Reservations: Member 4.</c></returns>
    public string Describe(Func<PartnerId, string?>? names = null, DateTimeZone? zone = null)
    {
        zone ??= DateTimeZone.Utc;
        var text = new System.Text.StringBuilder();
        text.Append('"').Append(Version.Title).Append("\" (").Append(Issue.Value).Append("), version ").Append(Words.Format(Version.Number))
            .Append(", adopted on ").Append(Words.Format(Version.AdoptedAt!.Value.InZone(zone).Date));
        text.Append(Published ? ", published on " + Words.Format(Version.PublishedAt!.Value.InZone(zone).Date) : ", not published");
        text.Append('.');
        if (Reservations.Count > 0)
        {
            text.Append(" Reservations: ").Append(Words.List(Reservations.Select(m => names?.Invoke(m) ?? m.ToString()))).Append('.');
        }

        return text.ToString();
    }
}

/// <summary>A policy position was drafted.</summary>
/// <param name="Position">The position.</param>
/// <param name="Coalition">The coalition whose position it would be.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which the position's dates are read.</param>
/// <param name="Issue">The issue.</param>
/// <param name="Title">The title of version 1.</param>
/// <param name="Text">The text of version 1.</param>
/// <param name="DraftedBy">The member who drafted it, or none when a coordinator drafted it.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionDrafted(PolicyPositionId Position, CoalitionId Coalition, string TimeZone, IssueKey Issue, string Title, string Text, PartnerId? DraftedBy, Instant At, Actor By) : IDomainEvent;

/// <summary>The draft under discussion got new words: the first draft, or a revision of an adopted position.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version drafted (the next number when a revision starts).</param>
/// <param name="Title">Its title.</param>
/// <param name="Text">Its text.</param>
/// <param name="DraftedBy">The member drafting a revision it started, or none (a coordinator); for the draft under discussion, its drafter is kept.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionRevised(PolicyPositionId Position, int Version, string Title, string Text, PartnerId? DraftedBy, Instant At, Actor By) : IDomainEvent;

/// <summary>The draft under discussion was adopted by a decision and is now the position in effect.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version adopted.</param>
/// <param name="Decision">The decision it cites.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionAdopted(PolicyPositionId Position, int Version, DecisionReference Decision, Instant At, Actor By) : IDomainEvent;

/// <summary>The version in effect was published.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version published.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionPublished(PolicyPositionId Position, int Version, Instant At, Actor By) : IDomainEvent;

/// <summary>The draft under discussion was withdrawn; a position never adopted is withdrawn with it.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version withdrawn.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionDraftWithdrawn(PolicyPositionId Position, int Version, string? Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>The position was retired by a decision; no version is in effect from then on.</summary>
/// <param name="Position">The position.</param>
/// <param name="Decision">The decision it cites.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record PositionRetired(PolicyPositionId Position, DecisionReference Decision, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A member recorded a reservation on the version in effect.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version.</param>
/// <param name="Member">The member.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ReservationRecorded(PolicyPositionId Position, int Version, PartnerId Member, string Reason, Instant At, Actor By) : IDomainEvent;

/// <summary>A member withdrew its reservation on a version.</summary>
/// <param name="Position">The position.</param>
/// <param name="Version">The version.</param>
/// <param name="Member">The member.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ReservationWithdrawn(PolicyPositionId Position, int Version, PartnerId Member, Instant At, Actor By) : IDomainEvent;

/// <summary>Checks a <see cref="PositionDraft"/> at the boundary.</summary>
internal sealed class PositionDraftValidator : AbstractValidator<PositionDraft>
{
    public static readonly PositionDraftValidator Instance = new();

    private PositionDraftValidator()
    {
        RuleFor(d => d.Coalition).IsId();
        RuleFor(d => d.Issue).IsKey();
        RuleFor(d => d.Title).IsName();
        RuleFor(d => d.Text).IsText(Limits.DocumentLength);
    }
}
