using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>Sign-on statements: published by decision, endorsed by members and outside organizations, withdrawn, verified, closed; the endorsers at any time.</summary>
public class SignOnStatementTests
{
    private static readonly DecisionReference ToIssue = Decided(MatterType.IssuePublicStatement, 21, Hours(1));

    [Fact]
    public void A_statement_is_published_citing_the_decision_to_issue_it_and_opens_for_endorsement()
    {
        var statement = DraftedStatement();

        statement.Publish(ToIssue, Nine, Secretariat, Hours(2));

        Assert.Equal(StatementStatus.Open, statement.StatusAt(Hours(2)));
        Assert.Equal(ToIssue, statement.Decision);
    }

    [Fact]
    public void A_statement_is_published_only_by_an_adopted_decision_to_issue_a_statement_taken_after_its_last_revision()
    {
        var statement = DraftedStatement();
        statement.Revise("Fund the teachers now", "We call for ten thousand reading teachers this year.", ClosingDay, Nine, Secretariat, Hours(2));

        Refusal.Expect(statement, ErrorCodes.Coalitions.DecisionRequired, () => statement.Publish(Decided(MatterType.AdoptPolicyPosition, 21, Hours(3)), Nine, Secretariat, Hours(4)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.DecisionPredatesText, () => statement.Publish(ToIssue, Nine, Secretariat, Hours(4)));
    }

    [Fact]
    public void Only_a_coordinator_drafts_revises_publishes_and_closes_a_statement()
    {
        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => SignOnStatement.Draft(TheStatement, StatementText(), Nine, For(1), Start)).Code);
        var statement = DraftedStatement();
        Refusal.Expect(statement, ErrorCodes.Coalitions.NotACoordinator, () => statement.Publish(ToIssue, Nine, For(1), Hours(2)));
        var open = OpenStatement();
        Refusal.Expect(open, ErrorCodes.Coalitions.NotACoordinator, () => open.Close(Nine, For(1), Hours(3)));
    }

    [Fact]
    public void A_member_endorses_through_its_named_representative_and_is_verified_at_once()
    {
        var statement = OpenStatement();

        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", "Director", Nine, For(4), Hours(3));

        var endorser = Assert.Single(statement.EndorsersAt(Hours(3)));
        Assert.Equal(EndorserStanding.Member, endorser.Standing);
        Assert.Equal(VerificationStatus.Verified, endorser.Status);
        Assert.Equal("Member 4", endorser.Endorser.Organization);
    }

    [Fact]
    public void An_outside_organization_endorses_through_its_own_representative_as_an_outside_organization()
    {
        var statement = OpenStatement();

        statement.Endorse(EndorsementId.New(), Organization(30, "Teachers Without Borders"), "Representative 30", null, Nine, For(30), Hours(3));

        Assert.Equal(EndorserStanding.Outside, Assert.Single(statement.EndorsersAt(Hours(3))).Standing);
    }

    [Fact]
    public void Only_a_representative_the_organization_named_endorses_for_it()
    {
        var statement = OpenStatement();

        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), Organization(4), "Someone", null, Nine, For(5), Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), Organization(4), "Someone", null, Nine, Actor.Representing(Person(5), Partner(4)), Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.Endorse(EndorsementId.New(), Organization(4), "Someone", null, Nine, Actor.ForPerson(Person(4)), Hours(3)));
    }

    [Fact]
    public void An_endorsement_the_secretariat_records_is_pending_until_verified()
    {
        var statement = OpenStatement();
        var id = EndorsementId.New();

        statement.RecordEndorsement(id, Outsider(), Nine, Secretariat, Hours(3));

        Assert.Equal(VerificationStatus.Pending, statement.EndorsersAt(Hours(3))[0].Status);
        statement.VerifyEndorsement(id, Nine, Secretariat, Hours(4));
        Assert.Equal(VerificationStatus.Pending, statement.EndorsersAt(Hours(3))[0].Status);
        Assert.Equal(VerificationStatus.Verified, statement.EndorsersAt(Hours(4))[0].Status);
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.VerifyEndorsement(id, Nine, Secretariat, Hours(5)));
    }

    [Fact]
    public void A_rejected_endorsement_never_counted_from_then_on()
    {
        var statement = OpenStatement();
        var id = EndorsementId.New();
        statement.RecordEndorsement(id, Outsider(), Nine, Secretariat, Hours(3));

        statement.RejectEndorsement(id, "The director says they never signed.", Nine, Secretariat, Hours(4));

        Assert.Single(statement.EndorsersAt(Hours(3)));
        Assert.Empty(statement.EndorsersAt(Hours(4)));
        statement.RecordEndorsement(EndorsementId.New(), Outsider(), Nine, Secretariat, Hours(5));
    }

    [Fact]
    public void An_organization_endorses_once_at_a_time_by_its_record_or_its_name_and_country()
    {
        var statement = OpenStatement();
        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(3));
        statement.RecordEndorsement(EndorsementId.New(), Outsider(), Nine, Secretariat, Hours(3));

        Refusal.Expect(statement, ErrorCodes.Advocacy.Duplicate, () => statement.RecordEndorsement(EndorsementId.New(), Outsider() with { Partner = Partner(4), Organization = "Member 4 (again)" }, Nine, Secretariat, Hours(4)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.Duplicate, () => statement.RecordEndorsement(EndorsementId.New(), Outsider(organization: "  teachers   WITHOUT borders "), Nine, Secretariat, Hours(4)));
        statement.RecordEndorsement(EndorsementId.New(), Outsider(country: "KE"), Nine, Secretariat, Hours(4));
    }

    [Fact]
    public void An_endorsement_is_withdrawn_by_the_organization_or_the_secretariat_and_the_list_at_each_time_shows_it()
    {
        var statement = OpenStatement();
        var member = EndorsementId.New();
        var outside = EndorsementId.New();
        statement.Endorse(member, Organization(4), "Representative 4", null, Nine, For(4), Hours(3));
        statement.RecordEndorsement(outside, Outsider(), Nine, Secretariat, Hours(3));

        Refusal.Expect(statement, ErrorCodes.Advocacy.NotAuthorized, () => statement.WithdrawEndorsement(member, null, Nine, For(5), Hours(4), Organization(5)));
        statement.WithdrawEndorsement(member, "Our board disagrees.", Nine, For(4), Hours(4), Organization(4));
        statement.WithdrawEndorsement(outside, null, Nine, Secretariat, Hours(5));

        Assert.Equal(2, statement.EndorsersAt(Hours(3)).Count);
        Assert.Equal([outside], statement.EndorsersAt(Hours(4)).Select(e => e.Id));
        Assert.Empty(statement.EndorsersAt(Hours(5)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.EndorsementSettled, () => statement.WithdrawEndorsement(outside, null, Nine, Secretariat, Hours(6)));
        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(6));
    }

    [Fact]
    public void A_statement_takes_endorsements_until_the_end_of_its_closing_date_in_the_coalitions_time_zone()
    {
        var statement = OpenStatement();
        var lastMinute = new LocalDate(2026, 3, 31).AtStartOfDayInZone(statement.TimeZone).ToInstant() + Duration.FromHours(24) - Duration.FromMinutes(1);

        statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), lastMinute);

        Assert.Equal(StatementStatus.Closed, statement.StatusAt(lastMinute + Duration.FromMinutes(1)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.StatementClosed, () => statement.Endorse(EndorsementId.New(), Organization(5), "Representative 5", null, Nine, For(5), lastMinute + Duration.FromMinutes(1)));
    }

    [Fact]
    public void A_statement_closed_early_takes_no_more_endorsements_and_a_draft_takes_none()
    {
        var draft = DraftedStatement();
        Refusal.Expect(draft, ErrorCodes.Advocacy.StatementClosed, () => draft.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(1)));

        var statement = OpenStatement();
        statement.Close(Nine, Secretariat, Hours(3));

        Assert.Equal(StatementStatus.Closed, statement.StatusAt(Hours(3)));
        Refusal.Expect(statement, ErrorCodes.Advocacy.StatementClosed, () => statement.Endorse(EndorsementId.New(), Organization(4), "Representative 4", null, Nine, For(4), Hours(4)));
    }

    [Fact]
    public void A_statement_is_not_published_after_its_closing_date_and_a_draft_may_be_cancelled()
    {
        var statement = DraftedStatement();
        Refusal.Expect(statement, ErrorCodes.Advocacy.InvalidTransition, () => statement.Publish(ToIssue, Nine, Secretariat, OnDate(2026, 4, 1)));

        statement.Cancel("Overtaken by the budget speech.", Nine, Secretariat, Hours(2));

        Assert.Equal(StatementStatus.Cancelled, statement.StatusAt(Hours(2)));
    }

    [Fact]
    public void A_history_with_an_endorsement_before_publication_or_after_closing_is_refused()
    {
        var drafted = DraftedStatement();
        var early = new StatementEndorsed(TheStatement, EndorsementId.New(), Outsider(), EndorserStanding.Outside, VerificationStatus.Pending, Hours(1), Secretariat);
        Assert.Throws<StoredEventException>(() => SignOnStatement.Rehydrate([.. drafted.DequeueUncommittedEvents(), early]));

        var open = OpenStatement();
        var late = early with { At = OnDate(2026, 4, 2) };
        Assert.Throws<StoredEventException>(() => SignOnStatement.Rehydrate([.. open.DequeueUncommittedEvents(), late]));
    }

    [Fact]
    public void A_history_with_a_duplicate_endorser_or_a_second_verification_is_refused()
    {
        var open = OpenStatement();
        var id = EndorsementId.New();
        var first = new StatementEndorsed(TheStatement, id, Outsider(), EndorserStanding.Outside, VerificationStatus.Pending, Hours(3), Secretariat);
        var again = first with { Endorsement = EndorsementId.New() };
        var events = open.DequeueUncommittedEvents();
        Assert.Throws<StoredEventException>(() => SignOnStatement.Rehydrate([.. events, first, again]));
        Assert.Throws<StoredEventException>(() => SignOnStatement.Rehydrate([.. events, first, new EndorsementVerified(TheStatement, id, Hours(4), Secretariat), new EndorsementVerified(TheStatement, id, Hours(5), Secretariat)]));
    }

    [Fact]
    public void The_endorsers_at_a_time_are_described_in_plain_words()
    {
        var statement = OpenStatement();
        statement.Endorse(EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000001")), Organization(4), "Amina Otieno", "Director", Nine, For(4), Hours(3));
        statement.RecordEndorsement(EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000002")), Outsider(), Nine, Secretariat, Hours(3));
        statement.RecordEndorsement(EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000003")), Outsider("Coast Parents Forum", "KE"), Nine, Secretariat, Hours(3));
        statement.VerifyEndorsement(EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000002")), Nine, Secretariat, Hours(4));

        Snapshot.Match(statement.Describe(Hours(5)));
    }
}
