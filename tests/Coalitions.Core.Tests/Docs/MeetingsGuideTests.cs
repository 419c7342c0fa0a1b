using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Meetings;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.MeetingScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/meetings.md shows the code of <see cref="MeetingsGuide"/>, which compiles with these tests and runs here.</summary>
public sealed partial class MeetingsGuideTests
{
    [Fact]
    public void The_code_in_the_meetings_guide_is_the_code_these_tests_compile() =>
        GuidePage.AssertShows("docs/meetings.md", "tests/Coalitions.Core.Tests/Docs/MeetingsGuide.cs");

    [Fact]
    public void The_meetings_guide_runs_from_slots_to_minutes_series_calendars_and_preparation()
    {
        var (meeting, slot) = MeetingsGuide.ConveneAndSchedule(Coalition, TheGovernance, Member(4, Nairobi), Member(5, Geneva), Member(6, NewYork), ChairOfSteering, Start);
        Assert.Equal(3, slot.WithinHours);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);

        // The steering committee (members 4, 5 and 6) decides; a quorum is half of its members present.
        var proposal = Discussed(DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembersPresent(Fraction.Half)).WithVotingPeriod(Duration.FromMinutes(30)), matter: MatterType.AdmitMember);
        var start = meeting.Start!.Value;
        proposal.OpenVoting(new Electorate([Voter(4), Voter(5), Voter(6)]), ChairActor, start);
        MeetingsGuide.Attend(meeting, proposal, [Partner(4), Partner(5)], Partner(6), ChairOfSteering, ChairActor);
        Assert.Equal([Partner(4), Partner(5)], proposal.Present);
        proposal.CastBallot(Partner(4), Stance.Support, null, For(4), start + Duration.FromMinutes(10));
        proposal.CastBallot(Partner(5), Stance.Support, null, For(5), start + Duration.FromMinutes(10));
        Assert.Equal(DecisionResult.Adopted, proposal.Close(ChairActor, start + Duration.FromMinutes(30)).Result);

        MeetingsGuide.Minute(meeting, proposal, Coalition, ChairOfSteering, Action());
        Assert.Equal(MeetingStatus.Minuted, meeting.Status);
        Assert.Equal(ActionStatus.Overdue, Assert.Single(meeting.OpenActionsOn(new LocalDate(2026, 3, 21))).Status);

        var next = MeetingsGuide.CarryForward(meeting, Plan(), Coalition, TheGovernance, ChairOfSteering, Tuesday + Duration.FromDays(3));
        Assert.Contains(next.Agenda, i => i.Kind == AgendaItemKind.ActionReview);

        var (series, occurrence) = MeetingsGuide.Series(Coalition, TheGovernance, Committee(), ChairOfSteering, Start);
        Assert.Equal(new LocalDate(2026, 4, 14), occurrence.Date);

        var (forNewYork, wholeYear) = MeetingsGuide.Calendar(meeting, series, Start);
        Assert.Contains("TZID=America/New_York", forNewYork, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=9", wholeYear, StringComparison.Ordinal);

        var readiness = MeetingsGuide.Prepare(Coalition, Secretariat, Partner(5), Person(5), NextMeeting, Adopted(MatterType.AdoptPolicyPosition), Start, InGeneva(2026, 6, 13, 18));
        Assert.Equal(["briefing"], readiness.Late.Select(t => t.Task.Key.Value));
        Assert.Empty(readiness.Gaps);
    }

    private static PartnerSnapshot Member(int n, string zone) =>
        new(Partner(n), PartnerScenario.Profile($"Member {n}") with { TimeZone = zone }, [Person(n)]);
}
