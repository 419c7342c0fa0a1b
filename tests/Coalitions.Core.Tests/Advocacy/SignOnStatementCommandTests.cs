using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>
/// Each command of a sign-on statement at its boundary: who may act and for which coalition, the status each needs on
/// its day and the words it is refused with, publication up to the last instant of the closing day by a decision taken
/// between the last revision and the act, endorsements from the instant of publication, settled once and not before
/// they were given, endorsers trimmed and told apart, and the endorsers and their description at exact instants.
/// </summary>
public class SignOnStatementCommandTests
{
    private const string Title = "'Fund the teachers'";
    private static readonly DateTimeZone Nairobi = DateTimeZoneProviders.Tzdb["Africa/Nairobi"];
    private static readonly EndorsementId MemberFour = EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000004"));
    private static readonly EndorsementId Letter = EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000001"));
    private static readonly EndorsementId Unknown = EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000099"));
    private static readonly Instant Closing = ClosingDay.PlusDays(1).AtStartOfDayInZone(Nairobi).ToInstant();
    private static readonly DecisionReference ToIssue = Decided(MatterType.IssuePublicStatement, 21, Hours(1));

    // Open from hour 2; member 4 endorsed through its representative and the secretariat recorded a letter, both at hour 3.
    private static SignOnStatement Busy()
    {
        var statement = OpenStatement();
        statement.Endorse(MemberFour, Organization(4), "Amina Otieno", "Director", Nine, For(4), Hours(3));
        statement.RecordEndorsement(Letter, Outsider(), Nine, Secretariat, Hours(3));
        return statement;
    }

    private static SignOnStatement Cancelled()
    {
        var statement = DraftedStatement();
        statement.Cancel("Overtaken.", Nine, Secretariat, Hours(1));
        return statement;
    }

    private static SignOnStatement ClosedEarly()
    {
        var statement = OpenStatement();
        statement.Close(Nine, Secretariat, Hours(3));
        return statement;
    }

    // Each command a coordinator takes (and one a member's representative may not), as the given actor for the given coalition.
    private static IEnumerable<(string Name, ErrorCode Refused, Action<SignOnStatement, CoalitionAggregate, Actor> Run)> Commands() =>
    [
        ("revise", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.Revise("Fund the teachers now", "We call for teachers.", ClosingDay, c, by, Hours(4))),
        ("publish", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.Publish(Decided(MatterType.IssuePublicStatement, 22, Hours(4)), c, by, Hours(4))),
        ("record an endorsement", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.RecordEndorsement(EndorsementId.New(), Outsider("Coast Parents Forum", "KE"), c, by, Hours(4))),
        ("verify", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.VerifyEndorsement(Letter, c, by, Hours(4))),
        ("reject", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.RejectEndorsement(Letter, "Never signed.", c, by, Hours(4))),
        ("withdraw an endorsement", ErrorCodes.Advocacy.NotAuthorized, (s, c, by) => s.WithdrawEndorsement(Letter, null, c, by, Hours(4), Organization(4))),
        ("close", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.Close(c, by, Hours(4))),
        ("cancel", ErrorCodes.Coalitions.NotACoordinator, (s, c, by) => s.Cancel("Overtaken.", c, by, Hours(4))),
    ];

    [Fact]
    public void Every_coordinator_s_command_is_refused_to_a_member_without_a_coalition_and_for_another_coalition()
    {
        foreach (var (name, refused, run) in Commands())
        {
            var statement = Busy();
            CommandBoundary.Holds(statement, name, refused, (c, by) => run(statement, c, by), Nine, [For(4)], Secretariat, AnotherWith(4), $"{Title} is a statement of another coalition than Another coalition.");
        }
    }

    [Fact]
    public void An_organization_s_representative_acts_for_no_coalition_but_the_statement_s_own()
    {
        var statement = Busy();

        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidInput, () => statement.Endorse(EndorsementId.New(), Organization(5), "Rep 5", null, null!, For(5), Hours(4)));
        Refusal.Expect(statement, ErrorCodes.Coalitions.OtherCoalition, () => statement.Endorse(EndorsementId.New(), Organization(5), "Rep 5", null, AnotherWith(5), For(5), Hours(4)));
        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidInput, () => statement.WithdrawEndorsement(MemberFour, null, null!, For(4), Hours(4), Organization(4)));
        Refusal.Expect(statement, ErrorCodes.Coalitions.OtherCoalition, () => statement.WithdrawEndorsement(MemberFour, null, AnotherWith(4), For(4), Hours(4), Organization(4)));
    }

    [Fact]
    public void A_refusal_of_who_acts_names_who_may()
    {
        var statement = Busy();

        Assert.Equal(
            $"Person {Person(4)} acting for partner {Partner(4)} may not close {Title}: only a coordinator of the coalition may.",
            Refusal.Expect(statement, ErrorCodes.Coalitions.NotACoordinator, () => statement.Close(Nine, For(4), Hours(4))).Message);
        Assert.Equal(
            $"Person {Person(800)} may not endorse {Title}: only a representative the organization has named (per its partner record, given), acting for it may.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), Organization(5), "Rep", null, Nine, Secretariat, Hours(4))).Message);
        Assert.Equal(
            $"Person {Person(5)} acting for partner {Partner(5)} may not withdraw endorsement {Title}: only a coordinator of the coalition or a representative the endorsing organization has named (per its partner record, given), acting for it may.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.WithdrawEndorsement(MemberFour, null, Nine, For(5), Hours(4), Organization(5))).Message);
        Assert.Equal(
            $"Person {Person(1)} acting for partner {Partner(1)} may not draft a new sign-on statement: only a coordinator of the coalition may.",
            Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText(), Nine, For(1), Start), ErrorCodes.Coalitions.NotACoordinator).Message);
    }

    [Fact]
    public void A_statement_is_drafted_with_an_id_for_its_own_coalition_by_a_coordinator_with_its_title_trimmed_and_a_closing_date_in_range()
    {
        Assert.True(Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText(), null!, Secretariat, Start), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Refusal.Of(() => SignOnStatement.Draft(default, StatementText(), Nine, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The statement is drafted for another coalition than Learning for All.",
            Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText() with { Coalition = Elsewhere.Id }, Nine, Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition).Message);
        Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText(new LocalDate(3000, 1, 1)), Nine, Secretariat, Start), ErrorCodes.Kernel.OutOfRange);
        Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText() with { Title = new string('t', 201) }, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => SignOnStatement.Draft(TheStatement, StatementText() with { Text = new string('x', 20_001) }, Nine, Secretariat, Start), ErrorCodes.Kernel.InvalidText);

        var statement = SignOnStatement.Draft(TheStatement, StatementText(new LocalDate(2999, 12, 31)) with { Title = " Fund the teachers ", Text = new string('x', 20_000) }, Nine, Secretariat, Start);

        Assert.Equal(("Fund the teachers", 20_000, new LocalDate(2999, 12, 31), "Africa/Nairobi"), (statement.Title, statement.Text.Length, statement.ClosesOn, statement.TimeZone.Id));
        Assert.Equal((StatementStatus.Draft, TheCoalition), (statement.RecordedStatus, statement.Coalition));
        Assert.Equal(new string('t', 200), SignOnStatement.Draft(TheStatement, StatementText() with { Title = new string('t', 200) }, Nine, Secretariat, Start).Title);
    }

    [Fact]
    public void Only_a_draft_is_revised_and_a_draft_past_its_closing_date_is_revised_to_a_new_one_and_published()
    {
        var open = OpenStatement();
        Assert.Equal($"{Title} is open on 2 March 2026; it cannot revise now.", Refusal.Expect(open, ErrorCodes.Advocacy.InvalidTransition, () => open.Revise("New", "New.", ClosingDay, Nine, Secretariat, Hours(3))).Message);
        var closed = ClosedEarly();
        Assert.Equal($"{Title} is closed on 2 March 2026; it cannot revise now.", Refusal.Expect(closed, ErrorCodes.Advocacy.InvalidTransition, () => closed.Revise("New", "New.", ClosingDay, Nine, Secretariat, Hours(4))).Message);
        var cancelled = Cancelled();
        Assert.Equal($"{Title} is cancelled on 2 March 2026; it cannot revise now.", Refusal.Expect(cancelled, ErrorCodes.Advocacy.InvalidTransition, () => cancelled.Revise("New", "New.", ClosingDay, Nine, Secretariat, Hours(2))).Message);

        var statement = DraftedStatement();
        var april = OnDate(2026, 4, 2);
        Assert.Equal(
            $"{Title} is a draft on 2 April 2026; it cannot publish now (it needs that its closing date has not passed).",
            Refusal.Expect(statement, ErrorCodes.Advocacy.InvalidTransition, () => statement.Publish(Decided(MatterType.IssuePublicStatement, 21, april), Nine, Secretariat, april)).Message);
        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.Revise("Two\nlines", "Text.", ClosingDay, Nine, Secretariat, april));
        Refusal.Expect(statement, ErrorCodes.Kernel.OutOfRange, () => statement.Revise("Title", "Text.", new LocalDate(1899, 12, 31), Nine, Secretariat, april));

        statement.Revise(" Fund the teachers now ", "We call for teachers.", new LocalDate(2026, 4, 30), Nine, Secretariat, april);
        statement.Publish(Decided(MatterType.IssuePublicStatement, 21, april), Nine, Secretariat, april);

        Assert.Equal(("Fund the teachers now", "We call for teachers.", new LocalDate(2026, 4, 30), StatementStatus.Open), (statement.Title, statement.Text, statement.ClosesOn, statement.StatusAt(april)));
    }

    [Fact]
    public void A_statement_is_published_up_to_the_last_instant_of_its_closing_day_and_only_from_a_draft()
    {
        var late = DraftedStatement();
        Assert.Equal(
            $"{Title} is a draft on 1 April 2026; it cannot publish now (it needs that its closing date has not passed).",
            Refusal.Expect(late, ErrorCodes.Advocacy.InvalidTransition, () => late.Publish(ToIssue, Nine, Secretariat, Closing)).Message);
        late.Publish(ToIssue, Nine, Secretariat, Closing - Duration.Epsilon);
        Assert.Equal(StatementStatus.Open, late.StatusAt(Closing - Duration.Epsilon));
        Assert.Equal(StatementStatus.Closed, late.StatusAt(Closing));

        var open = OpenStatement();
        Assert.Equal($"{Title} is open on 2 March 2026; it cannot publish now.", Refusal.Expect(open, ErrorCodes.Advocacy.InvalidTransition, () => open.Publish(Decided(MatterType.IssuePublicStatement, 22, Hours(3)), Nine, Secretariat, Hours(3))).Message);
        var cancelled = Cancelled();
        Assert.Equal($"{Title} is cancelled on 2 March 2026; it cannot publish now.", Refusal.Expect(cancelled, ErrorCodes.Advocacy.InvalidTransition, () => cancelled.Publish(ToIssue, Nine, Secretariat, Hours(2))).Message);
    }

    [Fact]
    public void A_statement_is_published_by_an_adoption_to_issue_it_taken_between_its_last_revision_and_the_act()
    {
        var statement = DraftedStatement();
        statement.Revise("Fund the teachers now", "We call for teachers.", ClosingDay, Nine, Secretariat, Hours(2));

        Assert.Equal(
            "The decision cited was taken on 2 March 2026 at 10:00 UTC, before the text of 'Fund the teachers now' last changed on 2 March 2026 at 11:00 UTC; put the text to a new decision.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.DecisionPredatesText, () => statement.Publish(ToIssue, Nine, Secretariat, Hours(3))).Message);
        Refusal.Expect(statement, ErrorCodes.Advocacy.DecisionPredatesText, () => statement.Publish(ToIssue with { DecidedAt = Hours(2) - Duration.Epsilon }, Nine, Secretariat, Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Coalitions.DecisionRequired, () => statement.Publish(ToIssue with { DecidedAt = Hours(3) + Duration.Epsilon }, Nine, Secretariat, Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidInput, () => statement.Publish(null!, Nine, Secretariat, Hours(3)));
        Assert.Equal(
            "The decision cited (adopted, on adopt policy position) is not an adopted decision of Learning for All on issue public statement.",
            Refusal.Expect(statement, ErrorCodes.Coalitions.DecisionRequired, () => statement.Publish(Decided(MatterType.AdoptPolicyPosition, 21, Hours(2)), Nine, Secretariat, Hours(3))).Message);

        statement.Publish(ToIssue with { DecidedAt = Hours(2) }, Nine, Secretariat, Hours(2));

        Assert.Equal((StatementStatus.Open, (Instant?)Hours(2)), (statement.RecordedStatus, statement.PublishedAt));
        Assert.Equal(ToIssue with { DecidedAt = Hours(2) }, statement.Decision);
        Assert.Equal(StatementStatus.Draft, DraftedStatement().StatusAt(Closing));
    }

    [Fact]
    public void An_organization_endorses_only_while_the_statement_is_open_from_the_instant_of_its_publication()
    {
        var draft = DraftedStatement();
        Assert.Equal($"{Title} is a draft on 2 March 2026; it cannot endorse now.", Refusal.Expect(draft, ErrorCodes.Advocacy.StatementClosed, () => draft.Endorse(EndorsementId.New(), Organization(4), "Rep 4", null, Nine, For(4), Hours(1))).Message);
        var closed = ClosedEarly();
        Assert.Equal($"{Title} is closed on 2 March 2026; it cannot endorse now.", Refusal.Expect(closed, ErrorCodes.Advocacy.StatementClosed, () => closed.Endorse(EndorsementId.New(), Organization(4), "Rep 4", null, Nine, For(4), Hours(3))).Message);
        var cancelled = Cancelled();
        Assert.Equal($"{Title} is cancelled on 2 March 2026; it cannot endorse now.", Refusal.Expect(cancelled, ErrorCodes.Advocacy.StatementClosed, () => cancelled.RecordEndorsement(EndorsementId.New(), Outsider(), Nine, Secretariat, Hours(2))).Message);
        var open = OpenStatement();
        Assert.Equal($"{Title} is closed on 1 April 2026; it cannot endorse now.", Refusal.Expect(open, ErrorCodes.Advocacy.StatementClosed, () => open.RecordEndorsement(EndorsementId.New(), Outsider(), Nine, Secretariat, Closing)).Message);
        Assert.Equal(
            $"{Title} was published on 2 March 2026 at 11:00 UTC; nothing is recorded on it before then.",
            Refusal.Expect(open, ErrorCodes.Advocacy.StatementClosed, () => open.Endorse(EndorsementId.New(), Organization(4), "Rep 4", null, Nine, For(4), Hours(2) - Duration.Epsilon)).Message);

        open.Endorse(MemberFour, Organization(4), "Rep 4", null, Nine, For(4), Hours(2));
        open.RecordEndorsement(Letter, Outsider(), Nine, Secretariat, Closing - Duration.Epsilon);

        Assert.Equal([Hours(2), Closing - Duration.Epsilon], open.Endorsements.Select(e => e.EndorsedAt));
    }

    [Fact]
    public void An_endorsement_through_a_representative_names_the_organization_s_record_trimmed_and_is_verified_at_once()
    {
        var statement = OpenStatement();
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), null!, "Rep 4", null, Nine, For(4), Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), Organization(4), "Rep 4", null, Nine, Actor.System("import"), Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.Endorse(EndorsementId.New(), Organization(4), " ", null, Nine, For(4), Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Kernel.EmptyId, () => statement.Endorse(default, Organization(4), "Rep 4", null, Nine, For(4), Hours(3)));

        statement.Endorse(MemberFour, Organization(4, "  Girls Learn  "), " Amina Otieno ", "  ", Nine, For(4), Hours(3));
        statement.Endorse(Letter, Organization(5), "Baraka", " Director ", Nine, For(5), Hours(3));

        var first = statement.Endorsements[0];
        Assert.Equal(new Endorser("Girls Learn", "KE", "Amina Otieno", null, Partner(4)), first.Endorser);
        Assert.Equal((EndorserStanding.Member, (Instant?)Hours(3)), (first.Standing, first.VerifiedAt));
        Assert.Equal("Director", statement.Endorsements[^1].Endorser.RepresentativeTitle);
        Assert.Equal(
            $"Endorsement {MemberFour} is recorded on {Title} already.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.Duplicate, () => statement.Endorse(MemberFour, Organization(6), "Rep 6", null, Nine, For(6), Hours(4))).Message);
        Assert.Equal(
            $"Member 4 already endorses {Title}.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.Duplicate, () => statement.Endorse(EndorsementId.New(), Organization(4), "Rep 4", null, Nine, For(4), Hours(4))).Message);
    }

    [Fact]
    public void An_endorser_is_a_member_when_an_active_member_on_the_day_and_outside_otherwise()
    {
        var coalition = GovernanceScenario.NineMembers();
        coalition.Suspend(Partner(7), Adopted(MatterType.SuspendMember), Secretariat, Start);
        var statement = OpenStatement();

        statement.Endorse(EndorsementId.New(), Organization(9), "Rep 9", null, coalition, For(9), Hours(3));
        statement.Endorse(EndorsementId.New(), Organization(7), "Rep 7", null, coalition, For(7), Hours(3));
        statement.RecordEndorsement(EndorsementId.New(), Outsider() with { Partner = Partner(8) }, coalition, Secretariat, Hours(3));
        statement.RecordEndorsement(EndorsementId.New(), Outsider("Coast Parents Forum", "KE") with { Partner = Partner(30) }, coalition, Secretariat, Hours(3));

        Assert.Equal(
            [(EndorserStanding.Member, VerificationStatus.Verified), (EndorserStanding.Outside, VerificationStatus.Verified), (EndorserStanding.Member, VerificationStatus.Pending), (EndorserStanding.Outside, VerificationStatus.Pending)],
            statement.EndorsersAt(Hours(3)).Select(e => (e.Standing, e.Status)));
    }

    [Fact]
    public void An_endorsement_the_secretariat_records_is_trimmed_with_no_blank_title_and_a_country_code()
    {
        var statement = OpenStatement();
        Refusal.Expect(statement, ErrorCodes.Advocacy.InvalidInput, () => statement.RecordEndorsement(EndorsementId.New(), Outsider(country: "ug"), Nine, Secretariat, Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.RecordEndorsement(EndorsementId.New(), Outsider(organization: " "), Nine, Secretariat, Hours(3)));

        statement.RecordEndorsement(Letter, new Endorser(" Teachers Without Borders ", "UG", " Grace Nakato ", "   "), Nine, Secretariat, Hours(3));
        statement.RecordEndorsement(MemberFour, new Endorser("Coast Parents Forum", "KE", "Juma", " Chair "), Nine, Secretariat, Hours(3));

        Assert.Equal(new Endorser("Teachers Without Borders", "UG", "Grace Nakato"), statement.Endorsements[0].Endorser);
        Assert.Equal("Chair", statement.Endorsements[1].Endorser.RepresentativeTitle);
        Assert.EndsWith("\n- Teachers Without Borders (UG), by Grace Nakato; outside; pending verification\n- Coast Parents Forum (KE), by Juma, Chair; outside; pending verification", statement.Describe(Hours(3)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_endorsement_is_verified_or_rejected_once_and_not_before_it_was_given()
    {
        var statement = Busy();
        Refusal.Expect(statement, ErrorCodes.Kernel.EmptyId, () => statement.VerifyEndorsement(default, Nine, Secretariat, Hours(4)));
        Assert.Equal(
            $"No endorsement {Unknown} is recorded on {Title}.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.UnknownKey, () => statement.VerifyEndorsement(Unknown, Nine, Secretariat, Hours(4))).Message);
        Refusal.Expect(statement, ErrorCodes.Advocacy.UnknownKey, () => statement.RejectEndorsement(Unknown, "Never signed.", Nine, Secretariat, Hours(4)));
        Assert.Equal(
            $"The endorsement of Member 4 on {Title} is not pending.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.VerifyEndorsement(MemberFour, Nine, Secretariat, Hours(4))).Message);
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.RejectEndorsement(MemberFour, "Never signed.", Nine, Secretariat, Hours(4)));
        Assert.Equal(
            $"The endorsement of Teachers Without Borders on {Title} is not pending.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.VerifyEndorsement(Letter, Nine, Secretariat, Hours(3) - Duration.Epsilon)).Message);
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.RejectEndorsement(Letter, "Never signed.", Nine, Secretariat, Hours(3) - Duration.Epsilon));
        Assert.Equal("The reason must be given.", Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.RejectEndorsement(Letter, " ", Nine, Secretariat, Hours(4))).Message);

        statement.VerifyEndorsement(Letter, Nine, Secretariat, Hours(3));

        Assert.Equal((Instant?)Hours(3), statement.Endorsements[1].VerifiedAt);
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.RejectEndorsement(Letter, "Never signed.", Nine, Secretariat, Hours(4)));

        var rejected = Busy();
        rejected.RejectEndorsement(Letter, " Never signed. ", Nine, Secretariat, Hours(3));
        Assert.Equal(("Never signed.", (Instant?)Hours(3)), (rejected.Endorsements[1].Reason, rejected.Endorsements[1].RejectedAt));
        Refusal.Expect(rejected, ErrorCodes.Advocacy.EndorsementSettled, () => rejected.VerifyEndorsement(Letter, Nine, Secretariat, Hours(4)));

        var withdrawn = Busy();
        withdrawn.WithdrawEndorsement(Letter, null, Nine, Secretariat, Hours(4));
        Refusal.Expect(withdrawn, ErrorCodes.Advocacy.EndorsementSettled, () => withdrawn.VerifyEndorsement(Letter, Nine, Secretariat, Hours(5)));
    }

    [Fact]
    public void An_endorsement_is_withdrawn_once_by_the_secretariat_or_its_own_representative_and_not_before_it_was_given()
    {
        var statement = Busy();
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.WithdrawEndorsement(MemberFour, null, Nine, For(4), Hours(4)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.WithdrawEndorsement(Unknown, null, Nine, For(4), Hours(4), Organization(4)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.WithdrawEndorsement(Letter, null, Nine, For(4), Hours(4), Organization(4)));
        Assert.Equal(
            $"No endorsement {Unknown} is recorded on {Title}.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.UnknownKey, () => statement.WithdrawEndorsement(Unknown, null, Nine, Secretariat, Hours(4))).Message);
        Assert.Equal(
            $"The endorsement of Member 4 on {Title} is already withdrawn or rejected, or was given later.",
            Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.WithdrawEndorsement(MemberFour, null, Nine, For(4), Hours(3) - Duration.Epsilon, Organization(4))).Message);
        Assert.Equal("The reason has at most 2,000 characters.", Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.WithdrawEndorsement(Letter, new string('r', 2_001), Nine, Secretariat, Hours(4))).Message);

        statement.WithdrawEndorsement(MemberFour, " Our board disagrees. ", Nine, For(4), Hours(3), Organization(4));
        statement.WithdrawEndorsement(Letter, "  ", Nine, Secretariat, Hours(4));

        Assert.Equal(("Our board disagrees.", (Instant?)Hours(3)), (statement.Endorsements[0].Reason, statement.Endorsements[0].WithdrawnAt));
        Assert.Null(statement.Endorsements[1].Reason);
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.WithdrawEndorsement(MemberFour, null, Nine, Secretariat, Hours(5)));

        var rejected = Busy();
        rejected.RejectEndorsement(Letter, "Never signed.", Nine, Secretariat, Hours(4));
        Refusal.Expect(rejected, ErrorCodes.Advocacy.EndorsementSettled, () => rejected.WithdrawEndorsement(Letter, null, Nine, Secretariat, Hours(5)));
    }

    [Fact]
    public void A_statement_closes_early_only_while_open_and_not_before_its_publication()
    {
        var draft = DraftedStatement();
        Assert.Equal($"{Title} is a draft on 2 March 2026; it cannot close now.", Refusal.Expect(draft, ErrorCodes.Advocacy.InvalidTransition, () => draft.Close(Nine, Secretariat, Hours(1))).Message);
        var closed = ClosedEarly();
        Assert.Equal($"{Title} is closed on 2 March 2026; it cannot close now.", Refusal.Expect(closed, ErrorCodes.Advocacy.InvalidTransition, () => closed.Close(Nine, Secretariat, Hours(4))).Message);
        var statement = OpenStatement();
        Assert.Equal($"{Title} is closed on 1 April 2026; it cannot close now.", Refusal.Expect(statement, ErrorCodes.Advocacy.InvalidTransition, () => statement.Close(Nine, Secretariat, Closing)).Message);
        Refusal.Expect(statement, ErrorCodes.Advocacy.StatementClosed, () => statement.Close(Nine, Secretariat, Hours(2) - Duration.Epsilon));

        statement.Close(Nine, Secretariat, Closing - Duration.Epsilon);

        Assert.Equal((StatementStatus.Closed, (Instant?)(Closing - Duration.Epsilon)), (statement.RecordedStatus, statement.ClosedAt));
    }

    [Fact]
    public void Only_a_draft_is_cancelled_with_a_reason_even_past_its_closing_date()
    {
        var open = OpenStatement();
        Assert.Equal($"{Title} is open on 2 March 2026; it cannot cancel now.", Refusal.Expect(open, ErrorCodes.Advocacy.InvalidTransition, () => open.Cancel("Overtaken.", Nine, Secretariat, Hours(3))).Message);
        var cancelled = Cancelled();
        Assert.Equal($"{Title} is cancelled on 2 March 2026; it cannot cancel now.", Refusal.Expect(cancelled, ErrorCodes.Advocacy.InvalidTransition, () => cancelled.Cancel("Again.", Nine, Secretariat, Hours(2))).Message);
        var statement = DraftedStatement();
        Assert.Equal("The reason must be given.", Refusal.Expect(statement, ErrorCodes.Kernel.InvalidText, () => statement.Cancel("", Nine, Secretariat, Closing)).Message);

        statement.Cancel(" Overtaken. ", Nine, Secretariat, Closing);

        Assert.Equal(StatementStatus.Cancelled, statement.StatusAt(Closing));
        Assert.Equal("Overtaken.", statement.DequeueUncommittedEvents().OfType<StatementCancelled>().Single().Reason);
    }

    [Fact]
    public void An_endorser_stands_from_the_instant_it_endorsed_until_the_instant_it_is_withdrawn_or_rejected_and_is_verified_from_the_instant_confirmed()
    {
        var statement = Busy();
        var other = EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000002"));
        statement.RecordEndorsement(other, Outsider("Coast Parents Forum", "KE"), Nine, Secretariat, Hours(4));
        statement.VerifyEndorsement(Letter, Nine, Secretariat, Hours(5));
        statement.WithdrawEndorsement(MemberFour, null, Nine, Secretariat, Hours(6));
        statement.RejectEndorsement(other, "Never signed.", Nine, Secretariat, Hours(6));

        Assert.Empty(statement.EndorsersAt(Hours(3) - Duration.Epsilon));
        Assert.Equal([MemberFour, Letter], statement.EndorsersAt(Hours(3)).Select(e => e.Id));
        Assert.Equal([VerificationStatus.Verified, VerificationStatus.Pending, VerificationStatus.Pending], statement.EndorsersAt(Hours(5) - Duration.Epsilon).Select(e => e.Status));
        Assert.Equal([VerificationStatus.Verified, VerificationStatus.Verified, VerificationStatus.Pending], statement.EndorsersAt(Hours(5)).Select(e => e.Status));
        Assert.Equal(3, statement.EndorsersAt(Hours(6) - Duration.Epsilon).Count);
        Assert.Equal([Letter], statement.EndorsersAt(Hours(6)).Select(e => e.Id));
        Assert.Equal((EndorserStanding.Outside, Hours(3)), (statement.EndorsersAt(Hours(6))[0].Standing, statement.EndorsersAt(Hours(6))[0].EndorsedAt));
        Assert.Equal(VerificationStatus.Rejected, statement.Endorsements[2].StatusAt(Hours(6)));
        Assert.Equal(VerificationStatus.Pending, statement.Endorsements[2].StatusAt(Hours(6) - Duration.Epsilon));
    }

    [Fact]
    public void A_description_counts_endorsers_in_the_singular_and_plural_and_names_the_closing_day_only_while_open()
    {
        var statement = OpenStatement();
        Assert.Equal("'Fund the teachers' on 2 March 2026: open until the end of 31 March 2026. 0 endorsers: 0 members and 0 outside organizations; 0 verified, 0 pending.", statement.Describe(Hours(2)));
        Assert.Equal("'Fund the teachers' on 2 March 2026: draft. 0 endorsers: 0 members and 0 outside organizations; 0 verified, 0 pending.", DraftedStatement().Describe(Hours(2)));

        statement.Endorse(MemberFour, Organization(4), "Amina Otieno", null, Nine, For(4), Hours(3));
        statement.RecordEndorsement(Letter, Outsider(), Nine, Secretariat, Hours(4));

        Assert.Equal("'Fund the teachers' on 2 March 2026: open until the end of 31 March 2026. 1 endorser: 1 member and 0 outside organizations; 1 verified, 0 pending.\n- Member 4 (KE), by Amina Otieno; member", statement.Describe(Hours(3)));
        Assert.StartsWith("'Fund the teachers' on 1 April 2026: closed. 2 endorsers: 1 member and 1 outside organization; 1 verified, 1 pending.", statement.Describe(Closing), StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_a_past_moment_tells_the_status_the_statement_had_then()
    {
        const string Counts = ". 0 endorsers: 0 members and 0 outside organizations; 0 verified, 0 pending.";
        Assert.Equal("'Fund the teachers' on 2 March 2026: draft" + Counts, OpenStatement().Describe(Hours(2) - Duration.Epsilon));
        Assert.Equal("'Fund the teachers' on 2 March 2026: open until the end of 31 March 2026" + Counts, ClosedEarly().Describe(Hours(3) - Duration.Epsilon));
        Assert.Equal("'Fund the teachers' on 2 March 2026: closed" + Counts, ClosedEarly().Describe(Hours(3)));
        Assert.Equal("'Fund the teachers' on 2 March 2026: draft" + Counts, Cancelled().Describe(Hours(1) - Duration.Epsilon));
        Assert.Equal("'Fund the teachers' on 2 March 2026: cancelled" + Counts, Cancelled().Describe(Hours(1)));
    }

    [Fact]
    public void A_statement_records_at_most_ten_thousand_endorsements()
    {
        var history = new List<IDomainEvent>(OpenStatement().DequeueUncommittedEvents());
        for (var n = 1; n < 10_000; n++)
        {
            history.Add(new StatementEndorsed(TheStatement, EndorsementId.FromGuid(new Guid(n, 0, 0, new byte[8])), Outsider($"Organization {n}"), EndorserStanding.Outside, VerificationStatus.Pending, Hours(3), Secretariat));
        }

        var statement = SignOnStatement.Rehydrate(history);
        statement.Endorse(MemberFour, Organization(4), "Amina Otieno", null, Nine, For(4), Hours(4));
        var version = statement.Version;

        // The whole statement is not compared (Refusal.Expect): describing ten thousand endorsements twice is slow.
        var error = Assert.Throws<CoalitionRuleException>(() => statement.RecordEndorsement(Letter, Outsider(), Nine, Secretariat, Hours(4)));

        Assert.Equal((ErrorCodes.Kernel.OutOfRange, $"{Title} holds 10,000 endorsements, the most a statement may record."), (error.Code, error.Message));
        Assert.Equal((version, 10_000), (statement.Version, statement.Endorsements.Count));
    }
}
