using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Tests.Kit;

/// <summary>Deterministic ids, names and instants, so outcomes and JSON snapshots are stable.</summary>
public static class Scenario
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    public static readonly PersonId Chair = Person(900);
    public static readonly CoalitionId TheCoalition = CoalitionId.FromGuid(Guid.Parse("c0000000-0000-0000-0000-000000000001"));

    public static PartnerId Partner(int n) => PartnerId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"a0000000-0000-0000-0000-{n:D12}")));

    public static PersonId Person(int n) => PersonId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"b0000000-0000-0000-0000-{n:D12}")));

    public static ProposalId ProposalNumber(int n) => ProposalId.FromGuid(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"d0000000-0000-0000-0000-{n:D12}")));

    /// <summary>Voter n is partner n, represented by person n, named "Member n".</summary>
    public static Voter Voter(int n, long weight = 1, string? chamber = null, string? subChamber = null, bool veto = false) =>
        new(Partner(n), [Person(n)], weight, chamber, subChamber, veto, $"Member {n}");

    public static Electorate Members(int count) => new(Enumerable.Range(1, count).Select(n => Voter(n)).ToArray());

    public static Actor For(int n) => Actor.Representing(Person(n), Partner(n));

    public static Actor ChairActor => Actor.ForPerson(Chair);

    public static Instant Hours(double hours) => Start + Duration.FromSeconds((long)(hours * 3600));

    /// <summary>Ballots for voters 1..n in order: <c>Ballots(Stance.Support, Stance.Oppose)</c>.</summary>
    public static Ballot[] Ballots(params Stance[] stances) => stances.Select((s, i) => new Ballot(Partner(i + 1), s)).ToArray();

    /// <summary>A proposal by member 1, submitted for discussion, under <paramref name="rule"/>.</summary>
    public static Proposal Discussed(DecisionRule rule, int secondersRequired = 0, MatterType matter = MatterType.AdoptPolicyPosition)
    {
        var proposal = Proposal.Draft(
            ProposalNumber(1),
            new ProposalDraft(TheCoalition, matter, "Adopt the open data position", "The coalition publishes its data openly.", Partner(1), rule, [Chair], secondersRequired),
            For(1),
            Start);
        proposal.Submit(For(1), Start);
        return proposal;
    }

    /// <summary>A proposal by member 1 in voting from <see cref="Start"/> before <paramref name="electorate"/>.</summary>
    public static Proposal Voting(DecisionRule rule, Electorate electorate)
    {
        var proposal = Discussed(rule);
        proposal.OpenVoting(electorate, ChairActor, Start);
        return proposal;
    }

    /// <summary>Member <paramref name="member"/> seconds the motion through its own representative, as a member of <paramref name="members"/> (default: members 1 to 9).</summary>
    public static void SecondBy(this Proposal proposal, int member, Electorate? members = null, double atHours = 0) =>
        proposal.Second(Partner(member), members ?? Members(9), For(member), Hours(atHours));

    public static void Vote(this Proposal proposal, int member, Stance stance, double atHours = 1, string? reason = null) =>
        proposal.CastBallot(Partner(member), stance, reason ?? (stance is Stance.Block or Stance.Object ? "A reason." : null), For(member), Hours(atHours));
}

/// <summary>Asserts that a refused command threw the expected code and changed nothing a host could observe.</summary>
public static class Refusal
{
    public static CoalitionRuleException Expect<T>(AggregateRoot<T> aggregate, ErrorCode code, Action command)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var version = aggregate.Version;
        var pending = aggregate.HasUncommittedEvents;
        var state = ObservableState.Of(aggregate);
        var error = Assert.Throws<CoalitionRuleException>(command);
        Assert.True(error.Has(code), $"Expected {code} but the refusal carried {string.Join(", ", error.Codes)}: {error.Message}");
        Assert.Equal(version, aggregate.Version);
        Assert.Equal(pending, aggregate.HasUncommittedEvents);
        Assert.Equal(state, ObservableState.Of(aggregate));
        return error;
    }

    /// <summary>Expects a creation or a query to be refused with <paramref name="code"/> and, when given, <paramref name="words"/> in its message.</summary>
    public static CoalitionRuleException Of(Action command, ErrorCode code, string? words = null)
    {
        var error = Assert.Throws<CoalitionRuleException>(command);
        Assert.True(error.Has(code), $"Expected {code} but the refusal carried {string.Join(", ", error.Codes)}: {error.Message}");
        if (words is not null)
        {
            Assert.Contains(words, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
