using Coalitions.Core.Advocacy;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Advocacy;

/// <summary>A stored sign-on statement is untrusted: each step that could not have happened is refused with its reason.</summary>
public class SignOnStatementHistoryTests
{
    private static readonly EndorsementId Letter = EndorsementId.FromGuid(Guid.Parse("e5000000-0000-0000-0000-000000000001"));
    private static readonly Instant Closing = ClosingDay.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Africa/Nairobi"]).ToInstant();

    private static List<IDomainEvent> Drafted() => [.. DraftedStatement().DequeueUncommittedEvents()];

    private static List<IDomainEvent> Open() => [.. OpenStatement().DequeueUncommittedEvents()];

    private static StatementDrafted Draft() => (StatementDrafted)Drafted()[0];

    private static StatementPublished Publication(DecisionReference? decision = null, Instant? at = null) =>
        new(TheStatement, decision ?? Decided(MatterType.IssuePublicStatement, 21, Hours(1)), at ?? Hours(2), Secretariat);

    private static StatementEndorsed Endorsed(EndorsementId? id = null, Endorser? endorser = null, Instant? at = null, VerificationStatus status = VerificationStatus.Pending) =>
        new(TheStatement, id ?? Letter, endorser ?? Outsider(), EndorserStanding.Outside, status, at ?? Hours(3), Secretariat);

    private static StatementRevised Revision(double hours = 1) => new(TheStatement, "Fund the teachers now", "We call for teachers.", ClosingDay, Hours(hours), Secretariat);

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(SignOnStatement.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_draft_has_a_known_time_zone_a_one_line_title_a_bounded_text_and_a_closing_date_in_range()
    {
        Corrupt([], "the time zone is not a tz database id.", Draft() with { TimeZone = "Nairobi" });
        Corrupt([], "the title is not one line of at most 200 characters.", Draft() with { Title = "Two\nlines" });
        Corrupt([], "the title is not one line of at most 200 characters.", Draft() with { Title = new string('t', 201) });
        Corrupt([], "the text is missing or longer than 20,000 characters.", Draft() with { Text = new string('x', 20_001) });
        Corrupt([], "the closing date is out of range.", Draft() with { ClosesOn = new LocalDate(3000, 1, 1) });

        Assert.Equal(new LocalDate(2999, 12, 31), SignOnStatement.Rehydrate([Draft() with { ClosesOn = new LocalDate(2999, 12, 31), Title = new string('t', 200) }]).ClosesOn);
    }

    [Fact]
    public void A_stored_revision_and_cancellation_are_of_a_draft()
    {
        Corrupt(Open(), "only a draft is revised.", Revision(3));
        Corrupt(Drafted(), "the title is not one line of at most 200 characters.", Revision() with { Title = " " });
        Corrupt(Drafted(), "the closing date is out of range.", Revision() with { ClosesOn = new LocalDate(1899, 12, 31) });
        Corrupt(Open(), "only a draft is cancelled.", new StatementCancelled(TheStatement, "Overtaken.", Hours(3), Secretariat));

        Assert.Equal(StatementStatus.Cancelled, SignOnStatement.Rehydrate([.. Drafted(), new StatementCancelled(TheStatement, "Overtaken.", Hours(3), Secretariat)]).RecordedStatus);
    }

    [Fact]
    public void A_stored_publication_publishes_a_draft_by_an_adoption_to_issue_it_taken_between_the_last_revision_and_the_act_before_the_closing_date()
    {
        Corrupt(Open(), "only a draft is published.", Publication(Decided(MatterType.IssuePublicStatement, 22, Hours(3)), Hours(3)));
        Corrupt(Drafted(), "the decision is not an adoption by the coalition to issue a public statement.", Publication(Decided(MatterType.AdoptPolicyPosition, 21, Hours(1))));
        Corrupt(Drafted(), "the decision is not an adoption by the coalition to issue a public statement.", Publication(Decided(MatterType.IssuePublicStatement, 21, Hours(1), coalition: Elsewhere.Id)));
        Corrupt(Drafted(), "the decision was taken after publication or before the text's last change.", Publication(Decided(MatterType.IssuePublicStatement, 21, Hours(2) + Duration.Epsilon)));
        Corrupt([.. Drafted(), Revision(1.5)], "the decision was taken after publication or before the text's last change.", Publication());
        Corrupt(Drafted(), "it is published after its closing date.", Publication(Decided(MatterType.IssuePublicStatement, 21, Closing), Closing));

        Assert.Equal(StatementStatus.Open, SignOnStatement.Rehydrate([.. Drafted(), Revision(1), Publication(at: Closing - Duration.Epsilon)]).RecordedStatus);
    }

    [Fact]
    public void A_stored_endorsement_is_given_while_open_once_per_id_and_organization_well_formed_and_never_rejected()
    {
        Corrupt(Drafted(), "the statement is not open then.", Endorsed());
        Corrupt(Open(), "the statement is not open then.", Endorsed(at: Hours(2) - Duration.Epsilon));
        Corrupt(Open(), "the statement is not open then.", Endorsed(at: Closing));
        Corrupt([.. Open(), new StatementClosed(TheStatement, Hours(3), Secretariat)], "the statement is not open then.", Endorsed(at: Hours(4)));
        Corrupt([.. Open(), Endorsed()], "the endorsement's id is used already.", Endorsed(endorser: Outsider("Coast Parents Forum", "KE")));
        Corrupt(Open(), "an endorsement is not given rejected.", Endorsed(status: VerificationStatus.Rejected));
        Corrupt(Open(), "the endorser is ill-formed.", Endorsed(endorser: Outsider(country: "Uganda")));
        Corrupt([.. Open(), Endorsed()], "the organization already endorses the statement.", Endorsed(EndorsementId.New(), Outsider(" teachers  without BORDERS")));

        var stored = SignOnStatement.Rehydrate([.. Open(), Endorsed(at: Hours(2)), Endorsed(EndorsementId.New(), Outsider("Coast Parents Forum", "KE"), Closing - Duration.Epsilon, VerificationStatus.Verified)]);
        Assert.Equal([VerificationStatus.Pending, VerificationStatus.Verified], stored.EndorsersAt(Closing - Duration.Epsilon).Select(e => e.Status));
    }

    [Fact]
    public void A_stored_statement_holds_at_most_ten_thousand_endorsements()
    {
        var history = Open();
        for (var n = 1; n <= 10_000; n++)
        {
            history.Add(Endorsed(EndorsementId.FromGuid(new Guid(n, 0, 0, new byte[8])), Outsider($"Organization {n}")));
        }

        Corrupt(history, "the statement holds as many endorsements as it may.", Endorsed(endorser: Outsider("One more")));
    }

    [Fact]
    public void A_stored_verification_rejection_or_withdrawal_settles_an_endorsement_once()
    {
        var verified = new EndorsementVerified(TheStatement, Letter, Hours(4), Secretariat);
        var rejected = new EndorsementRejected(TheStatement, Letter, "Never signed.", Hours(4), Secretariat);
        var withdrawn = new EndorsementWithdrawn(TheStatement, Letter, null, Hours(4), Secretariat);

        Corrupt(Open(), "no such endorsement.", verified);
        Corrupt(Open(), "no such endorsement.", rejected);
        Corrupt(Open(), "no such endorsement.", withdrawn);
        Corrupt([.. Open(), Endorsed(), verified], "the endorsement is not pending.", rejected);
        Corrupt([.. Open(), Endorsed(), rejected], "the endorsement is not pending.", verified);
        Corrupt([.. Open(), Endorsed(), withdrawn], "the endorsement is not pending.", verified);
        Corrupt([.. Open(), Endorsed(), rejected], "the endorsement is already withdrawn or rejected.", withdrawn);
        Corrupt([.. Open(), Endorsed(), withdrawn], "the endorsement is already withdrawn or rejected.", withdrawn);

        Assert.Empty(SignOnStatement.Rehydrate([.. Open(), Endorsed(), verified, withdrawn]).EndorsersAt(Hours(4)));
    }

    [Fact]
    public void A_stored_early_close_closes_an_open_statement_after_its_publication_and_before_its_closing_date()
    {
        Corrupt(Drafted(), "only an open statement closes early.", new StatementClosed(TheStatement, Hours(3), Secretariat));
        Corrupt(Open(), "only an open statement closes early.", new StatementClosed(TheStatement, Hours(2) - Duration.Epsilon, Secretariat));
        Corrupt(Open(), "only an open statement closes early.", new StatementClosed(TheStatement, Closing, Secretariat));

        Assert.Equal((Instant?)Hours(2), SignOnStatement.Rehydrate([.. Open(), new StatementClosed(TheStatement, Hours(2), Secretariat)]).ClosedAt);
    }
}
