using System.Globalization;
using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

/// <summary>What an agreement refuses at the door, each with a code, before anything is recorded.</summary>
public class AgreementInputTests
{
    private static readonly LocalDate June = new(2026, 6, 1);

    [Fact]
    public void An_agreement_is_never_drafted_with_the_empty_id()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(default, Mou(), Founders(), For(1), Start));

        Assert.Equal(ErrorCodes.Kernel.EmptyId, error.Code);
    }

    [Fact]
    public void A_party_or_a_signatory_with_the_empty_id_is_refused()
    {
        Assert.Equal(ErrorCodes.Kernel.EmptyId, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Partner = default }] }).Code);
        Assert.Equal(ErrorCodes.Kernel.EmptyId, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Signatories = [default] }] }).Code);
    }

    [Fact]
    public void A_party_is_named_once_and_a_person_signs_for_one_party_once()
    {
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, DraftError(Mou() with { Parties = [Party(1), Party(2), Party(2) with { Name = "Member 2 again" }] }).Code);
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Signatories = [Person(2), Person(1)] }, Party(3)] }).Code);
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Signatories = [Person(2), Person(2)] }, Party(3)] }).Code);
    }

    [Fact]
    public void A_null_party_clause_commitment_text_or_terms_is_refused_with_a_code()
    {
        var mou = Mou();

        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Parties = [Party(1), null!] }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Parties = [Party(1), Party(2) with { Signatories = null! }] }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = null! }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = mou.Text with { Clauses = [Clauses()[0], null!] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = mou.Text with { Commitments = [null!] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = mou.Text with { Terms = null! } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(mou with { Text = mou.Text with { Clauses = [Clauses()[0] with { Key = null! }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, mou, null!, For(1), Start)).Code);
    }

    [Fact]
    public void Without_a_draft_or_its_parties_nobody_can_be_a_representative_of_a_party_so_drafting_is_refused_as_such()
    {
        Assert.Equal(ErrorCodes.Agreements.NotAParty, Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, null!, Founders(), For(1), Start)).Code);
        Assert.Equal(ErrorCodes.Agreements.NotAParty, DraftError(Mou() with { Parties = null! }).Code);
    }

    [Fact]
    public void A_revision_or_amendment_without_a_text_is_refused_with_a_code()
    {
        var draft = Drafted();
        var signed = SignedByAll();

        Refusal.Expect(draft, ErrorCodes.Kernel.InvalidInput, () => draft.Revise(null!, For(1), Hours(1)));
        Refusal.Expect(signed, ErrorCodes.Kernel.InvalidInput, () => signed.ProposeAmendment(null!, null, For(1), OnUtc(2026, 5, 1)));
    }

    [Fact]
    public void Undefined_types_and_kinds_are_refused()
    {
        var mou = Mou();

        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Type = (AgreementType)99 }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = mou.Text with { Clauses = [Clauses()[0] with { Kind = 0 }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(mou with { Text = mou.Text with { Commitments = [Commitments()[2] with { Kind = (CommitmentKind)42 }] } }).Code);
    }

    [Fact]
    public void A_notice_period_is_a_calendar_period_of_at_most_a_hundred_years()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 3, 2), null, Period.FromHours(5))).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 3, 2), null, Period.FromYears(101))).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 3, 2), null, Period.FromMonths(-1))).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 3, 2), null, null!)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidPeriod, DraftError(Mou() with { Text = Text() with { Terms = Terms() with { NoticePeriod = Period.FromDays(30) + Period.FromHours(1) } } }).Code);
        Assert.Equal(Period.Zero, new AgreementTerms(new LocalDate(2026, 3, 2), null, Period.Zero).NoticePeriod);
    }

    [Fact]
    public void Dates_lie_within_the_years_1900_to_2999()
    {
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(3000, 1, 1), null, Period.Zero)).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 1, 1), LocalDate.MaxIsoValue, Period.Zero)).Code);
        var study = Commitments()[2];
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => new Commitment(study.Key, study.Party, study.Kind, study.Description, LocalDate.MinIsoValue)).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, DraftError(Mou() with { Text = Text() with { Terms = Terms() with { EffectiveFrom = new LocalDate(1899, 12, 31) } } }).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, DraftError(Mou() with { Text = Text() with { Commitments = [Commitments()[2] with { Due = new LocalDate(3001, 1, 1) }] } }).Code);
        var agreement = SignedByAll();
        Refusal.Expect(agreement, ErrorCodes.Kernel.OutOfRange, () => agreement.RecordFulfilment("reading-fund", LocalDate.MaxIsoValue, null, For(2), OnUtc(2026, 6, 1)));
    }

    [Fact]
    public void Terms_do_not_end_before_they_start()
    {
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, Assert.Throws<CoalitionRuleException>(() => new AgreementTerms(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 1), Period.Zero)).Code);
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, DraftError(Mou() with { Text = Text() with { Terms = Terms() with { EffectiveUntil = new LocalDate(2026, 1, 1) } } }).Code);
    }

    [Fact]
    public void Money_is_committed_in_an_ISO_currency_in_an_amount_above_zero_and_within_bounds()
    {
        var fund = Commitments()[1];

        Assert.Equal(ErrorCodes.Kernel.UnknownCurrency, Assert.Throws<CoalitionRuleException>(() => new Commitment(fund.Key, fund.Party, fund.Kind, fund.Description, fund.Due, default(Money))).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => new Commitment(fund.Key, fund.Party, fund.Kind, fund.Description, fund.Due, new Money(0m, "KES"))).Code);
        Assert.Equal(ErrorCodes.Kernel.UnknownCurrency, DraftError(Mou() with { Text = Text() with { Commitments = [fund with { Amount = default(Money) }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, DraftError(Mou() with { Text = Text() with { Commitments = [fund with { Amount = new Money(-5m, "KES") }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, DraftError(Mou() with { Text = Text() with { Commitments = [fund with { Amount = new Money(decimal.MaxValue, "KES") }] } }).Code);
        Assert.Equal(ErrorCodes.Agreements.InvalidAgreement, DraftError(Mou() with { Text = Text() with { Commitments = [fund with { Amount = null }] } }).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Hours_committed_are_above_zero_and_at_most_a_million(int hours)
    {
        var time = Commitments()[0];

        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => new Commitment(time.Key, time.Party, time.Kind, time.Description, time.Due, null, hours)).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, DraftError(Mou() with { Text = Text() with { Commitments = [time with { Hours = hours }] } }).Code);
    }

    [Theory]
    [InlineData("roles\nand more")]
    [InlineData("bell\u0007")]
    [InlineData("   ")]
    [InlineData("a-key-that-is-much-longer-than-sixty-four-characters-and-so-is-refused-here")]
    public void A_key_is_one_line_of_at_most_64_characters(string key)
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Text = Text() with { Clauses = [Clauses()[0] with { Key = key }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Text = Text() with { Commitments = [Commitments()[2] with { Key = key }] } }).Code);
    }

    [Fact]
    public void A_commitment_is_named_by_its_one_line_key_and_a_refusal_never_echoes_a_hostile_one()
    {
        var agreement = SignedByAll();

        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.RecordFulfilment(null!, June, null, For(1), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.Waive("reading-fund\u001b[2J", "Cut.", Adopted(MatterType.AmendAgreement), For(1), OnUtc(2026, 6, 1)));
        var error = Assert.Throws<CoalitionRuleException>(() => agreement.CommitmentStatusOn("x\u0007", June));
        Assert.Equal(ErrorCodes.Agreements.UnknownCommitment, error.Code);
        Assert.DoesNotContain("\u0007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_names_and_texts_are_bounded_and_free_of_control_characters()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Title = "MOU\u0000" }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Title = new string('x', 201) }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Name = "Member\n2" }, Party(3)] }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Text = Text() with { Clauses = [Clauses()[0] with { Text = new string('x', 20_001) }] } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, DraftError(Mou() with { Text = Text() with { Commitments = [Commitments()[2] with { Description = "Study\u001b[31m" }] } }).Code);
        var agreement = SignedByAll();
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), new string('n', 2_001), For(2), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.GiveNotice(Partner(2), "Left\u0007", For(2), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.Terminate(null!, Adopted(MatterType.Dissolve), For(2), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidText, () => agreement.Waive("reading-fund", "", Adopted(MatterType.AmendAgreement), For(1), OnUtc(2026, 6, 1)));
    }

    [Fact]
    public void A_line_break_is_fine_in_a_clause_and_texts_are_stored_trimmed()
    {
        var agreement = Agreement.Draft(TheAgreement, Mou() with { Title = "  " + Title + " ", Text = Text() with { Clauses = [Clauses()[0] with { Key = " purpose ", Text = "First.\nSecond." }] } }, Founders(), For(1), Start);

        Assert.Equal(Title, agreement.Title);
        Assert.Equal("purpose", agreement.Latest.Clauses[0].Key);
        Assert.Equal("First.\nSecond.", agreement.Latest.Clauses[0].Text);
    }

    [Fact]
    public void Lists_inside_an_agreement_are_bounded()
    {
        var clauses = Enumerable.Range(1, 201).Select(i => new Clause($"clause-{i}", ClauseKind.Custom, $"Clause {i}", "Text.")).ToArray();
        var signatories = Enumerable.Range(100, 11).Select(Person).ToArray();

        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(Mou() with { Text = Text() with { Clauses = clauses } }).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, DraftError(Mou() with { Parties = [Party(1), Party(2) with { Signatories = signatories }, Party(3)] }).Code);
    }

    [Fact]
    public void A_decision_cited_with_an_empty_id_or_an_undefined_value_is_refused_with_a_code()
    {
        var agreement = SignedByAll();
        var decision = Adopted(MatterType.Dissolve);

        Refusal.Expect(agreement, ErrorCodes.Kernel.EmptyId, () => agreement.Terminate("We stop.", decision with { Proposal = default }, For(1), OnUtc(2026, 7, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.InvalidInput, () => agreement.Terminate("We stop.", decision with { Matter = (MatterType)77 }, For(1), OnUtc(2026, 7, 1)));
        Refusal.Expect(agreement, ErrorCodes.Kernel.OutOfRange, () => agreement.Terminate("We stop.", decision with { DecidedAt = Instant.MinValue }, For(1), OnUtc(2026, 7, 1)));
    }

    [Fact]
    public void Notice_that_would_run_past_the_year_2999_is_a_coded_refusal_not_an_overflow()
    {
        var lasting = Mou() with { Text = Text() with { Terms = new AgreementTerms(new LocalDate(2026, 3, 2), null, Period.FromYears(100)) } };
        var agreement = Agreement.Draft(TheAgreement, lasting, Founders(), For(1), Start);
        agreement.Circulate(For(1), Start);
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(p));
        }

        Refusal.Expect(agreement, ErrorCodes.Kernel.OutOfRange, () => agreement.GiveNotice(Partner(3), null, For(3), Instant.FromUtc(2950, 1, 1, 0, 0)));
        Assert.Equal(new LocalDate(2998, 1, 1), agreement.GiveNotice(Partner(3), null, For(3), Instant.FromUtc(2898, 1, 1, 0, 0)));
    }

    [Fact]
    public void A_refusal_names_the_party_and_the_agreement_and_gives_its_values()
    {
        var agreement = Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));

        var error = Refusal.Expect(agreement, ErrorCodes.Agreements.AlreadySigned, () => agreement.Sign(Partner(1), For(1), Hours(2)));

        Assert.Equal($"Member 1 has already signed version 1 of '{Title}'.", error.Message);
        Assert.Equal("Member 1", error.Failures[0].Values["party"]);
        Assert.Equal(1, error.Failures[0].Values["version"]);
    }

    [Fact]
    public void A_refusal_writes_dates_and_states_in_words_whatever_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var agreement = Drafted();

            var error = Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidTransition, () => agreement.Sign(Partner(1), For(1), Start));

            Assert.Equal($"'{Title}' is a draft on 2 March 2026; it cannot be signed now.", error.Message);
            Assert.Equal(new LocalDate(2026, 3, 2), error.Failures[0].Values["date"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_commitment_by_a_partner_that_is_not_a_party_is_refused_naming_the_parties()
    {
        var stranger = new Commitment("advice", Partner(9), CommitmentKind.Expertise, "Advice", new LocalDate(2026, 5, 1));

        var error = DraftError(Mou() with { Text = Text() with { Commitments = [stranger] } });

        Assert.Equal(ErrorCodes.Agreements.NotAParty, error.Code);
        Assert.Contains("the parties are Member 1, Member 2 and Member 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_command_records_nothing_even_when_only_its_last_check_fails()
    {
        var agreement = SignedByAll();
        var later = Adopted(MatterType.AmendAgreement) with { DecidedAt = OnUtc(2026, 9, 1) };

        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Waive("reading-fund", "Funds were cut.", null, For(1), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Coalitions.DecisionRequired, () => agreement.Terminate("We stop.", later, For(1), OnUtc(2026, 6, 1)));
        Refusal.Expect(agreement, ErrorCodes.Agreements.InvalidAgreement, () => agreement.ProposeAmendment(Text() with { Terms = Terms() with { EffectiveFrom = new LocalDate(2026, 4, 1) } }, null, For(1), OnUtc(2026, 5, 1)));
    }

    [Fact]
    public void The_signature_that_completes_a_version_records_it_and_the_binding_version_together()
    {
        var agreement = Circulating();
        agreement.Sign(Partner(1), For(1), Hours(1));
        agreement.Sign(Partner(2), For(2), Hours(2));
        var version = agreement.Version;
        agreement.DequeueUncommittedEvents();

        agreement.Sign(Partner(3), For(3), Hours(3));

        Assert.Equal(version + 2, agreement.Version);
        Assert.Collection(agreement.DequeueUncommittedEvents(), e => Assert.IsType<AgreementSigned>(e), e => Assert.IsType<AgreementEnteredIntoForce>(e));
    }

    private static CoalitionRuleException DraftError(AgreementDraft draft) =>
        Assert.Throws<CoalitionRuleException>(() => Agreement.Draft(TheAgreement, draft, Founders(), For(1), Start));
}
