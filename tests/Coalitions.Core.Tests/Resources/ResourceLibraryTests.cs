using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

public class ResourceLibraryTests
{
    private static readonly ResourceLibraryId TheLibrary = ResourceLibraryId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001"));

    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    private static ResourceOffer Projector => new(Partner(1), ResourceKind.Equipment, "Projector and screen");

    private static ResourceOffer Toolkit => new(Partner(2), ResourceKind.Document, "Reading camp toolkit", "On the shared drive.", Lendable: false);

    private static ResourceRequest NeedsProjector => new(Partner(3), ResourceKind.Equipment, "A projector for the launch", new LocalDate(2026, 4, 1));

    [Fact]
    public void Members_offer_ask_lend_and_take_back_through_their_own_delegates()
    {
        var library = Open();
        var projector = library.Offer(Projector, _coalition, For(1), Start);
        var need = library.Request(NeedsProjector, _coalition, For(3), Start);

        var loan = library.Lend(new LoanTerms(projector.Number, Partner(3), new LocalDate(2026, 3, 20), need.Number), _coalition, For(1), Hours(1));

        Assert.Equal(1, library.OutOnLoan);
        Assert.Equal(Partner(1), loan.Lender);
        Assert.Equal(new LocalDate(2026, 3, 2), loan.LentOn);
        Assert.Equal(loan.Number, library.Offers[0].OnLoan);
        Assert.False(library.Requests[0].IsOpen);
        Assert.Equal(loan.Number, library.Requests[0].MetBy);
        Assert.Empty(library.Available());

        library.RecordReturn(loan.Number, new LocalDate(2026, 3, 18), _coalition, For(1), OnDate(2026, 3, 18));

        Assert.Equal(0, library.OutOnLoan);
        Assert.Equal(new LocalDate(2026, 3, 18), library.Loans[0].ReturnedOn);
        Assert.Single(library.Available(ResourceKind.Equipment));
    }

    [Fact]
    public void Only_a_coordinator_opens_and_closes_the_library()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), _coalition, For(1), Start)).Has(ErrorCodes.Coalitions.NotACoordinator));
        var library = Open();

        Refusal.Expect(library, ErrorCodes.Coalitions.NotACoordinator, () => library.Close(_coalition, For(1), Hours(1)));
    }

    [Fact]
    public void Only_a_delegate_of_the_member_offers_asks_or_lends_in_its_name()
    {
        var library = Open();
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Offer(Projector, _coalition, For(2), Start));
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Request(NeedsProjector, _coalition, Secretariat, Start));
        library.Offer(Projector, _coalition, For(1), Start);

        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), _coalition, For(3), Start));
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), _coalition, Secretariat, Start));
    }

    [Fact]
    public void Only_the_lender_records_that_its_resource_came_back()
    {
        var library = Lent();

        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.RecordReturn(1, new LocalDate(2026, 3, 3), _coalition, For(3), OnDate(2026, 3, 3)));
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.RecordReturn(1, new LocalDate(2026, 3, 3), _coalition, Secretariat, OnDate(2026, 3, 3)));
    }

    [Fact]
    public void A_coordinator_may_withdraw_an_offer_or_close_a_request_to_keep_the_library_tidy()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        library.Request(NeedsProjector, _coalition, For(3), Start);

        library.WithdrawOffer(1, _coalition, Secretariat, Hours(1));
        library.CloseRequest(1, _coalition, Secretariat, Hours(1));

        Assert.Equal(new LocalDate(2026, 3, 2), library.Offers[0].WithdrawnOn);
        Assert.False(library.Requests[0].IsOpen);
        Assert.Null(library.Requests[0].MetBy);
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Offer(Toolkit, _coalition, For(1), Hours(2)));
    }

    [Fact]
    public void Only_an_active_member_offers_asks_or_borrows()
    {
        var library = Open();
        var outsider = Actor.Representing(Person(30), Partner(30));

        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Offer(Projector with { Member = Partner(30) }, _coalition, outsider, Start));
        library.Offer(Projector, _coalition, For(1), Start);
        Refusal.Expect(library, ErrorCodes.Resources.NotAnActiveMember, () => library.Lend(new LoanTerms(1, Partner(30), new LocalDate(2026, 3, 20)), _coalition, For(1), Start));
    }

    [Fact]
    public void A_resource_is_out_on_one_loan_at_a_time_and_never_to_its_own_member()
    {
        var library = Lent();

        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.Lend(new LoanTerms(1, Partner(4), new LocalDate(2026, 3, 20)), _coalition, For(1), Hours(2)));
        library.RecordReturn(1, new LocalDate(2026, 3, 2), _coalition, For(1), Hours(3));
        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(1), new LocalDate(2026, 3, 20)), _coalition, For(1), Hours(4)));
    }

    [Fact]
    public void What_is_shared_freely_or_withdrawn_is_not_lent()
    {
        var library = Open();
        library.Offer(Toolkit, _coalition, For(2), Start);
        library.Offer(Projector, _coalition, For(1), Start);
        library.WithdrawOffer(2, _coalition, For(1), Hours(1));

        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), _coalition, For(2), Hours(2)));
        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.Lend(new LoanTerms(2, Partner(3), new LocalDate(2026, 3, 20)), _coalition, For(1), Hours(2)));
        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.WithdrawOffer(2, _coalition, For(1), Hours(2)));
    }

    [Fact]
    public void An_offer_out_on_loan_is_not_withdrawn()
    {
        var library = Lent();

        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.WithdrawOffer(1, _coalition, For(1), Hours(2)));
    }

    [Fact]
    public void A_loan_is_due_back_from_the_day_it_is_lent_to_five_years_later()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);

        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 1)), _coalition, For(1), Start));
        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2031, 3, 3)), _coalition, For(1), Start));
        library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2031, 3, 2)), _coalition, For(1), Start);
    }

    [Fact]
    public void A_loan_meets_only_an_open_request_of_its_borrower()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        library.Offer(Projector with { Member = Partner(2), Title = "Second projector" }, _coalition, For(2), Start);
        library.Request(NeedsProjector, _coalition, For(3), Start);

        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(4), new LocalDate(2026, 3, 20), Request: 1), _coalition, For(1), Start));
        Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20), Request: 2), _coalition, For(1), Start));
        library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20), Request: 1), _coalition, For(1), Start);
        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(2, Partner(3), new LocalDate(2026, 3, 20), Request: 1), _coalition, For(2), Start));
    }

    [Fact]
    public void A_request_is_needed_by_a_day_still_to_come_and_is_closed_once()
    {
        var library = Open();
        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Request(NeedsProjector with { NeededBy = new LocalDate(2026, 3, 1) }, _coalition, For(3), Start));
        library.Request(NeedsProjector, _coalition, For(3), Start);
        library.CloseRequest(1, _coalition, For(3), Hours(1));

        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.CloseRequest(1, _coalition, For(3), Hours(2)));
        Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.CloseRequest(2, _coalition, Secretariat, Hours(2)));
    }

    [Fact]
    public void A_return_is_dated_from_the_day_of_the_loan_to_today_and_recorded_once()
    {
        var library = Lent();

        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.RecordReturn(1, new LocalDate(2026, 3, 1), _coalition, For(1), OnDate(2026, 3, 5)));
        Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.RecordReturn(1, new LocalDate(2026, 3, 6), _coalition, For(1), OnDate(2026, 3, 5)));
        library.RecordReturn(1, new LocalDate(2026, 3, 5), _coalition, For(1), OnDate(2026, 3, 5));
        Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.RecordReturn(1, new LocalDate(2026, 3, 5), _coalition, For(1), OnDate(2026, 3, 5)));
    }

    [Fact]
    public void A_loan_not_back_after_its_due_day_is_overdue_computed_from_the_dates()
    {
        var library = Lent();

        Assert.Empty(library.OverdueOn(new LocalDate(2026, 3, 20)));
        Assert.Single(library.OverdueOn(new LocalDate(2026, 3, 21)));
        Assert.True(library.Loans[0].IsOverdueOn(new LocalDate(2026, 3, 21)));
    }

    [Fact]
    public void The_library_closes_only_when_nothing_is_out_on_loan_and_then_takes_nothing()
    {
        var library = Lent();

        var refused = Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Close(_coalition, Secretariat, Hours(2)));
        Assert.Contains("nothing is out on loan", refused.Message, StringComparison.Ordinal);
        library.RecordReturn(1, new LocalDate(2026, 3, 2), _coalition, For(1), Hours(3));
        library.Close(_coalition, Secretariat, Hours(4));

        Assert.Equal(LibraryStatus.Closed, library.Status);
        Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Offer(Projector, _coalition, For(1), Hours(5)));
        Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Close(_coalition, Secretariat, Hours(5)));
    }

    [Fact]
    public void Another_coalition_is_refused()
    {
        var library = Open();
        var other = global::Coalitions.Core.Coalitions.Coalition.Found(CoalitionId.New(), "Another coalition", global::Coalitions.Core.Coalitions.CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);

        Refusal.Expect(library, ErrorCodes.Coalitions.OtherCoalition, () => library.Close(other, Secretariat, Hours(1)));
    }

    [Fact]
    public void An_offer_needs_a_title_and_a_defined_kind()
    {
        var library = Open();

        Refusal.Expect(library, ErrorCodes.Kernel.InvalidText, () => library.Offer(Projector with { Title = " " }, _coalition, For(1), Start));
        Refusal.Expect(library, ErrorCodes.Kernel.InvalidInput, () => library.Offer(Projector with { Kind = (ResourceKind)99 }, _coalition, For(1), Start));
        Refusal.Expect(library, ErrorCodes.Kernel.InvalidText, () => library.Offer(Projector with { Title = "Two\nlines" }, _coalition, For(1), Start));
    }

    [Fact]
    public void A_loan_of_an_offer_the_library_does_not_hold_is_refused_in_replay()
    {
        var library = Open();
        var history = library.DequeueUncommittedEvents().Append(new ResourceLent(TheLibrary, 1, new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), new LocalDate(2026, 3, 2), Start, For(1)));

        var error = Assert.Throws<StoredEventException>(() => ResourceLibrary.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    [Fact]
    public void A_second_loan_of_an_offer_out_on_loan_is_refused_in_replay()
    {
        var library = Lent();
        var history = library.DequeueUncommittedEvents().Append(new ResourceLent(TheLibrary, 2, new LoanTerms(1, Partner(4), new LocalDate(2026, 3, 20)), new LocalDate(2026, 3, 2), Start, For(1)));

        Assert.Throws<StoredEventException>(() => ResourceLibrary.Rehydrate(history));
    }

    [Fact]
    public void A_library_closed_with_a_loan_outstanding_is_refused_in_replay()
    {
        var library = Lent();
        var history = library.DequeueUncommittedEvents().Append(new LibraryClosed(TheLibrary, new LocalDate(2026, 3, 3), Hours(24), Secretariat));

        Assert.Throws<StoredEventException>(() => ResourceLibrary.Rehydrate(history));
    }

    [Fact]
    public void A_library_rebuilt_from_json_matches_the_original()
    {
        var library = Lent();
        library.RecordReturn(1, new LocalDate(2026, 3, 4), _coalition, For(1), OnDate(2026, 3, 5));
        var stored = library.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var rebuilt = ResourceLibrary.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(library.Offers, rebuilt.Offers);
        Assert.Equal(library.Requests, rebuilt.Requests);
        Assert.Equal(library.Loans, rebuilt.Loans);
        Assert.Equal(0, rebuilt.OutOnLoan);
    }

    [Fact]
    public void CanLend_explains_a_refusal_without_changing_anything()
    {
        var library = Lent();

        var check = library.CanLend(new LoanTerms(1, Partner(4), new LocalDate(2026, 3, 20)), Hours(2));

        Assert.False(check.IsAllowed);
        Assert.True(library.CanLend(new LoanTerms(1, Partner(4), new LocalDate(2026, 3, 20)), Hours(2)) is { IsAllowed: false });
        Assert.Equal(1, library.OutOnLoan);
    }

    [Fact]
    public void No_sequence_of_loans_and_returns_puts_a_resource_on_two_loans_or_loses_count_of_what_is_out()
    {
        // Each step: lend offer o (1..3) to member b (2..6), or return loan l; refused steps change nothing.
        Gen.Select(Gen.Int[0, 1], Gen.Int[1, 3], Gen.Int[2, 6]).Array[1, 30].Sample(steps =>
        {
            var library = Open();
            library.Offer(Projector, _coalition, For(1), Start);
            library.Offer(Projector with { Title = "Laptop" }, _coalition, For(1), Start);
            library.Offer(Projector with { Member = Partner(2), Title = "Sound system" }, _coalition, For(2), Start);
            foreach (var (lend, n, member) in steps)
            {
                try
                {
                    if (lend == 1)
                    {
                        var owner = library.Offers[n - 1].Offer.Member;
                        library.Lend(new LoanTerms(n, Partner(member), new LocalDate(2026, 4, 1)), _coalition, owner == Partner(1) ? For(1) : For(2), Start);
                    }
                    else if (n <= library.Loans.Count)
                    {
                        var loan = library.Loans[n - 1];
                        library.RecordReturn(n, new LocalDate(2026, 3, 2), _coalition, loan.Lender == Partner(1) ? For(1) : For(2), Start);
                    }
                }
                catch (CoalitionRuleException)
                {
                }
            }

            var outstanding = library.Loans.Where(l => l.ReturnedOn is null).ToArray();
            Assert.Equal(outstanding.Length, library.OutOnLoan);
            Assert.Equal(outstanding.Length, outstanding.Select(l => l.Terms.Offer).Distinct().Count());
            Assert.All(library.Offers, o => Assert.Equal(outstanding.SingleOrDefault(l => l.Terms.Offer == o.Number)?.Number, o.OnLoan));
            Assert.All(library.Loans, l => Assert.NotEqual(l.Lender, l.Terms.Borrower));
            var rebuilt = ResourceLibrary.Rehydrate(library.DequeueUncommittedEvents());
            Assert.Equal(library.OutOnLoan, rebuilt.OutOnLoan);
        });
    }

    private ResourceLibrary Open() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), _coalition, Secretariat, Start);

    /// <summary>The projector of member 1, lent on 2 March to member 3 until 20 March.</summary>
    private ResourceLibrary Lent()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), _coalition, For(1), Hours(1));
        return library;
    }
}
