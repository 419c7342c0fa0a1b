using System.Text;
using Coalitions.Core.Advocacy;
using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Engagement;

/// <summary>Whether a member gave something to the coalition or received something from it.</summary>
public enum ValueDirection
{
    /// <summary>The member gave it.</summary>
    Gave = 1,

    /// <summary>The member received it.</summary>
    Received = 2,
}

/// <summary>What was given or received.</summary>
public enum ValueKind
{
    /// <summary>A contribution to the coalition: money, staff time, expertise, in kind (given).</summary>
    Contribution = 1,

    /// <summary>A commitment under an agreement, met (given).</summary>
    CommitmentMet = 2,

    /// <summary>A campaign action carried out (given).</summary>
    ActionDone = 3,

    /// <summary>The member's name lent to a statement of the coalition (given).</summary>
    Endorsement = 4,

    /// <summary>A policy position the member drafted, adopted by the coalition (given).</summary>
    PositionDrafted = 5,

    /// <summary>A resource or expertise the member shared with others (given).</summary>
    ResourceShared = 6,

    /// <summary>A shared resource, expertise or funding the member drew on (received).</summary>
    ResourceReceived = 7,

    /// <summary>A joint initiative the member takes part in (received).</summary>
    JointInitiative = 8,

    /// <summary>A position the member sought, carried by the coalition's voice (received).</summary>
    PositionCarried = 9,

    /// <summary>Anything else, either way.</summary>
    Other = 10,
}

/// <summary>One thing a member gave the coalition or received from it: the room-neutral input of <see cref="MemberValue"/>.</summary>
/// <param name="Member">The member.</param>
/// <param name="Direction">Gave or received; it must fit the kind (only <see cref="ValueKind.Other"/> goes either way).</param>
/// <param name="Kind">What.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Label">What it was, in a few words: one line of at most 200 characters.</param>
/// <param name="Amount">Its value in money, if it has one: zero to 10<sup>15</sup> in an ISO 4217 currency.</param>
public sealed record ValueFact(PartnerId Member, ValueDirection Direction, ValueKind Kind, LocalDate On, FactSource Source, string Label, Money? Amount = null);

/// <summary>One kind of thing given or received in a period, counted.</summary>
/// <param name="Kind">What.</param>
/// <param name="Count">How many.</param>
/// <param name="Amounts">The total money value per currency, where any had one.</param>
/// <param name="Labels">What they were, in the order given (each once).</param>
public sealed record ValueLine(ValueKind Kind, int Count, IReadOnlyList<Money> Amounts, IReadOnlyList<string> Labels);

/// <summary>What a member gave the coalition and what it received in a period: mutuality, said plainly.</summary>
/// <param name="Member">The member.</param>
/// <param name="Name">Its name.</param>
/// <param name="Period">The period.</param>
/// <param name="Gave">What it gave, by kind.</param>
/// <param name="Received">What it received, by kind.</param>
public sealed record ValueStatement(PartnerId Member, string Name, DateInterval Period, IReadOnlyList<ValueLine> Gave, IReadOnlyList<ValueLine> Received)
{
    /// <summary>Describes the statement in plain words, for the member's own page, the newsletter or the annual report.</summary>
    /// <returns>For example <c>From 1 January 2026 to 31 December 2026, Girls Learn gave 2 commitments met (KES 250,000) ... and received 1 position carried ...</c></returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("From ").Append(Words.Format(Period.Start)).Append(" to ").Append(Words.Format(Period.End)).Append(", ").Append(Name)
            .Append(" gave ").Append(Lines(Gave)).Append(" and received ").Append(Lines(Received)).Append('.');
        foreach (var line in Gave.Concat(Received))
        {
            text.Append('\n').Append(Phrase(line.Kind, 2)).Append(": ").Append(string.Join("; ", line.Labels));
        }

        return text.ToString();
    }

    private static string Lines(IReadOnlyList<ValueLine> lines) => lines.Count == 0
        ? "nothing recorded"
        : Words.List(lines.Select(l => Words.Format(l.Count) + " " + Phrase(l.Kind, l.Count) +
            (l.Amounts.Count == 0 ? string.Empty : " (" + string.Join(", ", l.Amounts.Select(a => a.Currency + " " + a.Amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))) + ")")));

    // A kind as a noun phrase, singular or plural: "1 commitment met", "2 shared resources drawn on".
    private static string Phrase(ValueKind kind, int count)
    {
        var s = count == 1 ? string.Empty : "s";
        return kind switch
        {
            ValueKind.Contribution => "contribution" + s,
            ValueKind.CommitmentMet => "commitment" + s + " met",
            ValueKind.ActionDone => "campaign action" + s + " done",
            ValueKind.Endorsement => "statement" + s + " endorsed",
            ValueKind.PositionDrafted => "position" + s + " drafted",
            ValueKind.ResourceShared => "resource" + s + " shared",
            ValueKind.ResourceReceived => "shared resource" + s + " drawn on",
            ValueKind.JointInitiative => "joint initiative" + s,
            ValueKind.PositionCarried => "position" + s + " carried by the coalition",
            _ => "other item" + s,
        };
    }
}

/// <summary>
/// The coalition's value to each member, said plainly: what it gave (contributions, commitments met, actions, endorsements,
/// positions drafted, resources shared) and what it received (shared resources, joint initiatives, positions carried).
/// Mutuality is a principle of partnership: a member that only gives, or only takes, is worth a conversation.
/// </summary>
/// <remarks>
/// The same fact given twice (equal in every field: member, direction, kind, day, source, label and amount) counts once,
/// as in <see cref="Participation"/>, so a host that hands over the facts of one record twice does not double its
/// count or its money. Facts that differ in any field count separately, even with the same source: one record may hold
/// several things given (a pledge paid in two instalments, two contributions under one item).
/// </remarks>
public static class MemberValue
{
    /// <summary>What one member gave and received in a period.</summary>
    /// <param name="coalition">The coalition, read for the member's name.</param>
    /// <param name="member">The member.</param>
    /// <param name="facts">What members gave and received, from any rooms (see <see cref="ValueFacts"/>); a fact given twice, equal in every field, counts once.</param>
    /// <param name="period">The period, both days included.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="CoalitionRuleException">A null coalition, an empty id, a partner that is not a member (<c>Engagement.NotAMember</c>), an invalid period or fact, or more than 1,000,000 facts.</exception>
    public static ValueStatement Of(Coalition coalition, PartnerId member, IEnumerable<ValueFact> facts, DateInterval period)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        Ensure.Id(member, nameof(member));
        Participation.CheckPeriod(period, nameof(period));
        if (!coalition.TryGetMembership(member, out var membership))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.NotAMember, "Partner {partner} has no membership of {coalition}.", ("partner", member), ("coalition", coalition.Name));
        }

        var mine = Checked(facts).Where(f => f.Member == member && period.Contains(f.On)).Distinct().ToArray();
        return new ValueStatement(member, membership.Name, period, Group(mine, ValueDirection.Gave), Group(mine, ValueDirection.Received));
    }

    private static IReadOnlyList<ValueFact> Checked(IEnumerable<ValueFact> facts)
    {
        var list = Ensure.Items(facts, nameof(facts), Participation.MaxFacts);
        foreach (var fact in list)
        {
            ValueFactValidator.Instance.EnsureValid(fact);
        }

        return list;
    }

    private static ValueLine[] Group(IEnumerable<ValueFact> facts, ValueDirection direction) =>
        facts.Where(f => f.Direction == direction)
            .GroupBy(f => f.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new ValueLine(
                g.Key,
                g.Count(),
                g.Where(f => f.Amount is not null).GroupBy(f => f.Amount!.Value.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new Money(c.Sum(f => f.Amount!.Value.Amount), c.Key)).ToArray(),
                g.Select(f => f.Label.Trim()).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
}

/// <summary>
/// Adapters from the rooms that record what members give and receive to room-neutral <see cref="ValueFact"/>s.
/// </summary>
/// <remarks>
/// Rooms not adapted here produce the same facts: a contribution to a pooled fund or a pledge paid is a
/// <see cref="ValueKind.Contribution"/> the member gave (with its amount); a library resource a member shares is
/// <see cref="ValueKind.ResourceShared"/>, and one it draws on (a grant from the pooled fund, an expert's time) is
/// <see cref="ValueKind.ResourceReceived"/>; each joint initiative a member takes part in is
/// <see cref="ValueKind.JointInitiative"/> received, on the day it joined.
/// </remarks>
public static class ValueFacts
{
    /// <summary>The commitments each party met under the binding version of an agreement, by a date: given, with the money they carried, dated the day they fell due.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="asOf">The date to read the commitments on.</param>
    /// <returns>The facts, in the order of the commitments.</returns>
    /// <exception cref="CoalitionRuleException">A null agreement or a date out of range.</exception>
    public static IReadOnlyList<ValueFact> FromAgreement(Agreement agreement, LocalDate asOf)
    {
        Ensure.NotNull(agreement, nameof(agreement));
        Ensure.Date(asOf, nameof(asOf));
        return (agreement.InForce?.Commitments ?? [])
            .Where(c => agreement.CommitmentStatusOn(c.Key, asOf) == CommitmentStatus.Met)
            .Select(c => new ValueFact(c.Party, ValueDirection.Gave, ValueKind.CommitmentMet, c.Due, new FactSource(ParticipationFacts.Rooms.Agreements, agreement.Id.Value, c.Key), c.Description, c.Amount))
            .ToArray();
    }

    /// <summary>The campaign actions each member carried out, by a date: given, dated the day they were done.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="asOf">The date to read the actions on.</param>
    /// <returns>The facts, in the order planned.</returns>
    /// <exception cref="CoalitionRuleException">A null campaign or a date out of range.</exception>
    public static IReadOnlyList<ValueFact> FromCampaign(Campaign campaign, LocalDate asOf)
    {
        Ensure.NotNull(campaign, nameof(campaign));
        Ensure.Date(asOf, nameof(asOf));
        return campaign.Actions
            .Where(a => a.StatusOn(asOf) == ActionStatus.Done)
            .Select(a => new ValueFact(a.Plan.Assignee, ValueDirection.Gave, ValueKind.ActionDone, a.DoneOn!.Value, new FactSource(ParticipationFacts.Rooms.Advocacy, campaign.Id.Value, a.Plan.Key.Value), a.Plan.Title))
            .ToArray();
    }

    /// <summary>The members that lent their name to a statement and still stand behind it: given, dated the day they endorsed.</summary>
    /// <param name="statement">The statement.</param>
    /// <returns>The facts, in the order given.</returns>
    /// <exception cref="CoalitionRuleException">A null statement.</exception>
    public static IReadOnlyList<ValueFact> FromStatement(SignOnStatement statement)
    {
        Ensure.NotNull(statement, nameof(statement));
        return statement.Endorsements
            .Where(e => e.Standing == EndorserStanding.Member && e.Endorser.Partner is not null && e.WithdrawnAt is null && e.RejectedAt is null)
            .Select(e => new ValueFact(e.Endorser.Partner!.Value, ValueDirection.Gave, ValueKind.Endorsement, e.EndorsedAt.InZone(statement.TimeZone).Date, new FactSource(ParticipationFacts.Rooms.Advocacy, statement.Id.Value, "endorsement"), statement.Title))
            .ToArray();
    }

    /// <summary>
    /// The versions of a policy position a member drafted and the coalition adopted: the member gave its draft, and
    /// received the coalition's voice for it. Both are dated the day the version was adopted.
    /// </summary>
    /// <param name="position">The position.</param>
    /// <returns>The facts, two per adopted version a member drafted.</returns>
    /// <exception cref="CoalitionRuleException">A null position.</exception>
    public static IReadOnlyList<ValueFact> FromPosition(PolicyPosition position)
    {
        Ensure.NotNull(position, nameof(position));
        return position.Versions
            .Where(v => v.IsAdopted && v.DraftedBy is not null)
            .SelectMany(v =>
            {
                var on = v.AdoptedAt!.Value.InZone(position.TimeZone).Date;
                var source = new FactSource(ParticipationFacts.Rooms.Advocacy, position.Id.Value, "version " + Words.Format(v.Number));
                return new[]
                {
                    new ValueFact(v.DraftedBy!.Value, ValueDirection.Gave, ValueKind.PositionDrafted, on, source, v.Title),
                    new ValueFact(v.DraftedBy!.Value, ValueDirection.Received, ValueKind.PositionCarried, on, source, v.Title),
                };
            })
            .ToArray();
    }
}

/// <summary>Checks a <see cref="ValueFact"/>.</summary>
internal sealed class ValueFactValidator : AbstractValidator<ValueFact>
{
    public static readonly ValueFactValidator Instance = new();

    private ValueFactValidator()
    {
        var code = ErrorCodes.Engagement.InvalidInput.Code;
        RuleFor(f => f.Member).IsId();
        RuleFor(f => f.Direction).IsDefined();
        RuleFor(f => f.Kind).IsDefined();
        RuleFor(f => f.On).IsDate();
        RuleFor(f => f.Source).NotNull().WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).SetValidator(FactSourceValidator.Instance!);
        RuleFor(f => f.Label).IsName();
        RuleFor(f => f.Amount).Must(a => a is null || (Money.IsCurrencyCode(a.Value.Currency) && a.Value.Amount >= 0 && a.Value.Amount <= 1_000_000_000_000_000m))
            .WithErrorCode(code).WithMessage("An amount is zero to 10^15 in an ISO 4217 currency.");
        RuleFor(f => f.Direction).Must((f, direction) => f.Kind == ValueKind.Other || direction == (f.Kind is ValueKind.ResourceReceived or ValueKind.JointInitiative or ValueKind.PositionCarried ? ValueDirection.Received : ValueDirection.Gave))
            .When(f => Ensure.IsDefined(f.Kind)).WithErrorCode(code).WithMessage("The direction does not fit the kind: shared resources, joint initiatives and positions carried are received; everything else but 'other' is given.");
    }
}
