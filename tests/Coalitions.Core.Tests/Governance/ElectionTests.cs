using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.GovernanceScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Governance;

public class ElectionTests
{
    private const string Steering = "steering-committee";

    [Fact]
    public void Elected_members_take_the_reserved_seats_kept_for_their_group_first()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.CollectiveImpactPartnership());
        var candidates = new[] { 1, 2, 4, 6 }.Select(n => new PollOption(Candidate(n).Id.ToString(), $"Member {n}")).ToArray();
        var ballots = Enumerable.Range(1, 7).Select(v => PollBallot.Ranked(Partner(v), candidates.Select(c => c.Key).Skip(v % 4).Concat(candidates.Select(c => c.Key).Take(v % 4)).ToArray())).ToArray();
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), candidates, ballots);
        var winners = result.Winners.Select(w => Candidate(int.Parse(w[^2..], System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var seated = governance.ElectSeats(Steering, winners, coalition, Day(2026, 4, 1), Secretariat, Hours(1));

        Assert.Equal(3, seated.Count);
        Assert.All(seated, s =>
        {
            var definition = governance.Bodies.Single(b => b.Key == Steering);
            Assert.True(s.Seat > definition.Reservations.Count || definition.Reservations[s.Seat - 1].Admits(Candidate(int.Parse(s.Holding.Holder.ToString()[^2..], System.Globalization.CultureInfo.InvariantCulture)).Profile, null));
        });
        if (seated.FirstOrDefault(s => s.Holding.Holder == Partner(2)) is { Holding: not null } government)
        {
            Assert.Equal(1, government.Seat);
        }
    }

    [Fact]
    public void An_ineligible_candidate_is_refused_at_nomination()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));

        Assert.Equal(ErrorCodes.Governance.NotEligible, governance.CheckNomination(Steering, Partner(9), coalition, Day(2026, 4, 1), Hours(2)).Failures[0].Code);
        Assert.Equal(ErrorCodes.Governance.AlreadySeated, governance.CheckNomination(Steering, Partner(4), coalition, Day(2026, 4, 1), Hours(2)).Failures[0].Code);
        Assert.True(governance.CheckNomination(Steering, Partner(5), coalition, Day(2026, 4, 1), Hours(2)).IsAllowed);
    }

    [Fact]
    public void Nomination_refuses_an_ineligible_candidate_with_a_coded_error()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());

        var error = Assert.Throws<CoalitionRuleException>(() => governance.Nominate(Steering, [Candidate(4), Candidate(9)], coalition, Day(2026, 4, 1), Hours(1)));
        var options = governance.Nominate(Steering, [Candidate(4), Candidate(5)], coalition, Day(2026, 4, 1), Hours(1));

        Assert.Equal(ErrorCodes.Governance.NotEligible, error.Code);
        Assert.Equal([Partner(4).ToString(), Partner(5).ToString()], options.Select(o => o.Key));
        Assert.Equal("Member 4", options[0].Label);
    }

    [Fact]
    public void A_member_at_its_term_limit_cannot_stand_again()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2028, 3, 2), false, Secretariat, Hours(2));

        var check = governance.CheckNomination(Steering, Partner(4), coalition, Day(2030, 3, 2), Hours(3));

        Assert.Equal(ErrorCodes.Governance.TermLimitReached, check.Failures[0].Code);
    }

    [Fact]
    public void A_future_term_vacated_on_its_first_day_leaves_its_seat_open_to_an_election()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.AdvocacyCoalition());
        governance.Appoint(Steering, 1, Candidate(4), coalition, Day(2027, 3, 2), false, Secretariat, Hours(1));
        governance.Vacate(Steering, 1, Day(2027, 3, 2), "Withdrew before the term began.", coalition, Secretariat, Hours(2));

        var seated = governance.ElectSeats(Steering, [.. Enumerable.Range(1, 7).Select(Candidate)], coalition, Day(2026, 4, 1), Secretariat, Hours(3));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], seated.Select(s => s.Seat).Order());
    }

    [Fact]
    public void An_election_whose_winner_no_vacant_seat_fits_is_refused_as_a_whole()
    {
        var coalition = NineMembers();
        var governance = With(GovernanceTemplates.CollectiveImpactPartnership());
        for (var seat = 5; seat <= 9; seat++)
        {
            governance.Appoint(Steering, seat, Candidate(seat - 4 == 2 ? 7 : seat - 4), coalition, Day(2026, 3, 2), false, Secretariat, Hours(1));
        }

        Refusal.Expect(governance, ErrorCodes.Governance.ReservedSeat, () => governance.ElectSeats(Steering, [Candidate(2), Candidate(6)], coalition, Day(2026, 3, 2), Secretariat, Hours(2)));
    }
}
