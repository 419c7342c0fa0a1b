using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using GovernanceAggregate = global::Coalitions.Core.Governance.CoalitionGovernance;

namespace Coalitions.Core.Tests.Governance;

/// <summary>
/// Random sequences of appointments, vacancies, suspensions and reinstatements on a steering committee with
/// reserved seats and a term limit. After every command: no seat is held by two members, no member holds two
/// seats, every reserved seat's holder belongs to its group, no member exceeds the term limit, and a refused
/// command changed nothing.
/// </summary>
public class SeatModelTests
{
    private const string Steering = "steering-committee";

    private enum Kind
    {
        Appoint,
        AppointInterim,
        Reappoint,
        Vacate,
        Suspend,
        Reinstate,
    }

    [Fact]
    public void Seat_assignment_keeps_its_invariants_under_any_sequence_of_commands()
    {
        var kinds = Gen.Frequency((3, Gen.Const(Kind.Appoint)), (1, Gen.Const(Kind.AppointInterim)), (5, Gen.Const(Kind.Reappoint)), (1, Gen.Const(Kind.Vacate)), (1, Gen.Const(Kind.Suspend)), (1, Gen.Const(Kind.Reinstate)));
        var seats = Gen.Frequency((4, Gen.Int[5, 6]), (1, Gen.Int[1, 9]));
        var commands = Gen.Select(kinds, seats, Gen.Int[1, 9], Gen.Int[0, 200]).List[1, 30];
        commands.Sample(
            list =>
            {
                var coalition = NineMembers();
                var governance = With(GovernanceTemplates.CollectiveImpactPartnership());
                var definition = governance.Bodies.Single(b => b.Key == Steering);
                var terms = new List<(int Seat, SeatHolding Holding, bool Full)>();
                governance.DequeueUncommittedEvents();
                var day = new LocalDate(2026, 3, 2);
                foreach (var (kind, seat, member, gap) in list)
                {
                    day = day.PlusDays(gap);
                    var at = OnDate(day.Year, day.Month, day.Day);
                    RenewAll(coalition, at);
                    var version = governance.Version;
                    try
                    {
                        Run(governance, coalition, kind, seat, member, day, at, terms);
                    }
                    catch (CoalitionRuleException) when (governance.Version == version)
                    {
                    }

                    Record(terms, governance.DequeueUncommittedEvents());
                    if (!Invariants(governance, coalition, definition, day) || !WithinTermLimit(terms, definition.MaxConsecutiveTerms!.Value))
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: 200);
    }

    private static void Run(GovernanceAggregate governance, Coalition coalition, Kind kind, int seat, int member, LocalDate day, Instant at, List<(int Seat, SeatHolding Holding, bool Full)> terms)
    {
        switch (kind)
        {
            case Kind.Appoint:
            case Kind.AppointInterim:
                governance.Appoint(Steering, seat, Candidate(member), coalition, day, kind == Kind.AppointInterim, Secretariat, at);
                break;
            case Kind.Reappoint:
                // The seat's latest holder again, for the term right after its latest one: the path term limits guard.
                if (terms.Where(t => t.Seat == seat).OrderBy(t => t.Holding.From).LastOrDefault() is { Holding: { } latest })
                {
                    governance.Appoint(Steering, seat, Candidate(Number(latest.Holder)), coalition, latest.To.PlusDays(1), false, Secretariat, at);
                }

                break;
            case Kind.Vacate:
                governance.Vacate(Steering, seat, day, null, coalition, Secretariat, at);
                break;
            case Kind.Suspend:
                coalition.Suspend(Partner(member), Adopted(MatterType.SuspendMember), Secretariat, at);
                break;
            default:
                coalition.Reinstate(Partner(member), null, Secretariat, at);
                break;
        }
    }

    // Keeps memberships current, so that the sequence explores seats rather than lapsed memberships.
    private static void RenewAll(Coalition coalition, Instant at)
    {
        var on = at.InZone(coalition.TimeZone).Date;
        foreach (var member in coalition.Members)
        {
            while (member.TermEndsOn is { } end && end < on.PlusMonths(1) && member.StatusOn(on) == Core.Memberships.MembershipStatus.Active)
            {
                coalition.Renew(member.Partner, Secretariat, at);
            }
        }
    }

    private static int Number(PartnerId partner) => int.Parse(partner.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture);

    private static void Record(List<(int Seat, SeatHolding Holding, bool Full)> terms, IEnumerable<IDomainEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case SeatFilled filled:
                    terms.Add((filled.Seat, filled.Holding, true));
                    break;
                case SeatVacated vacated:
                    var covering = terms.FindLastIndex(t => t.Seat == vacated.Seat && t.Holding.From <= vacated.On && vacated.On <= t.Holding.To);
                    var holder = terms[covering].Holding.Holder;
                    terms[covering] = (vacated.Seat, terms[covering].Holding with { To = vacated.On.PlusDays(-1) }, false);
                    terms.RemoveAll(t => t.Seat == vacated.Seat && t.Holding.Holder == holder && t.Holding.From > vacated.On);
                    break;
            }
        }
    }

    // No member holds more than the limit of consecutive full terms (interim terms neither count nor break a run).
    private static bool WithinTermLimit(List<(int Seat, SeatHolding Holding, bool Full)> terms, int limit)
    {
        foreach (var group in terms.GroupBy(t => t.Holding.Holder))
        {
            var run = 0;
            LocalDate? expected = null;
            foreach (var term in group.OrderBy(t => t.Holding.From))
            {
                run = expected == term.Holding.From ? run : 0;
                run += term.Full && !term.Holding.Interim ? 1 : 0;
                expected = term.Holding.To.PlusDays(1);
                if (run > limit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Invariants(GovernanceAggregate governance, Coalition coalition, BodyDefinition definition, LocalDate day)
    {
        var holders = new List<PartnerId>();
        for (var seat = 1; seat <= definition.Seats; seat++)
        {
            var (state, holding) = governance.Seat(Steering, seat, coalition, day);
            if (state == SeatState.Vacant)
            {
                continue;
            }

            holders.Add(holding!.Holder);
            if (seat <= definition.Reservations.Count && !definition.Reservations[seat - 1].Admits(Candidate(Number(holding.Holder)).Profile, null))
            {
                return false;
            }

            if (!holding.Interim && (holding.To.Year - holding.From.Year) > 2)
            {
                return false;
            }
        }

        return holders.Count == holders.Distinct().Count();
    }
}
