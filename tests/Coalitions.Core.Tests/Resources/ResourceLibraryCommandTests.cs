using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Resources;

/// <summary>
/// Each command of a resource library at its boundary: who may act and for which coalition, what is kept of an offer
/// and a request, the days a request, a loan and a return may carry, what a loan may be of and for, the step a closed
/// library refuses, and the words of each refusal.
/// </summary>
public class ResourceLibraryCommandTests
{
    private static readonly ResourceLibraryId TheLibrary = ResourceLibraryId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001"));
    private static readonly LocalDate Today = new(2026, 3, 2);
    private readonly CoalitionAggregate _coalition = Coalition();

    private static ResourceOffer Projector => new(Partner(1), ResourceKind.Equipment, "Projector and screen");

    private static ResourceOffer Toolkit => new(Partner(2), ResourceKind.Document, "Reading camp toolkit", Lendable: false);

    private static ResourceRequest NeedsProjector => new(Partner(3), ResourceKind.Equipment, "A projector for the launch", new LocalDate(2026, 4, 1));

    private ResourceLibrary Open() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), _coalition, Secretariat, Start);

    // Member 1's projector (offer 1) lent to member 3 (loan 1), member 1's laptop (offer 2) free, member 3's request 1 open.
    private ResourceLibrary Busy()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        library.Offer(Projector with { Title = "Laptop" }, _coalition, For(1), Start);
        library.Request(NeedsProjector, _coalition, For(3), Start);
        library.Lend(new LoanTerms(1, Partner(3), new LocalDate(2026, 3, 20)), _coalition, For(1), Start);
        return library;
    }

    // Each command as the given actor for the given coalition, with the code its authorization refuses with, who may act and their member.
    private static IEnumerable<(string Name, ErrorCode Refused, Actor Allowed, int Member, Action<ResourceLibrary, CoalitionAggregate, Actor> Run)> Commands() =>
    [
        ("offer", ErrorCodes.Resources.NotADelegate, For(1), 1, (l, c, by) => l.Offer(Projector with { Title = "Flip chart" }, c, by, Hours(1))),
        ("withdraw an offer", ErrorCodes.Resources.NotADelegate, For(1), 1, (l, c, by) => l.WithdrawOffer(2, c, by, Hours(1))),
        ("request", ErrorCodes.Resources.NotADelegate, For(3), 3, (l, c, by) => l.Request(NeedsProjector, c, by, Hours(1))),
        ("close a request", ErrorCodes.Resources.NotADelegate, For(3), 3, (l, c, by) => l.CloseRequest(1, c, by, Hours(1))),
        ("lend", ErrorCodes.Resources.NotADelegate, For(1), 1, (l, c, by) => l.Lend(new LoanTerms(2, Partner(3), new LocalDate(2026, 3, 20)), c, by, Hours(1))),
        ("record a return", ErrorCodes.Resources.NotADelegate, For(1), 1, (l, c, by) => l.RecordReturn(1, Today, c, by, Hours(1))),
        ("close", ErrorCodes.Coalitions.NotACoordinator, Secretariat, 1, (l, c, by) => l.Close(c, by, Hours(1))),
    ];

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_for_another_coalition_and_without_a_coalition()
    {
        foreach (var (name, refused, allowed, member, run) in Commands())
        {
            var library = Busy();
            CommandBoundary.Holds(library, name, refused, (c, by) => run(library, c, by), _coalition, [For(7), For(4)], allowed, AnotherWith(member), PledgeCommandTests.OtherCoalition);
        }
    }

    [Fact]
    public void A_library_is_opened_by_a_coordinator_for_its_own_coalition_with_an_id_and_its_name_trimmed()
    {
        Assert.True(Refusal.Of(() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), null!, Secretariat, Start), ErrorCodes.Coalitions.NotACoordinator).IsAuthorizationRefusal);
        Refusal.Of(() => ResourceLibrary.Open(default, new LibraryDraft(TheCoalition, "Shared library"), _coalition, Secretariat, Start), ErrorCodes.Kernel.EmptyId);
        Refusal.Of(() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, " "), _coalition, Secretariat, Start), ErrorCodes.Kernel.InvalidText);
        Refusal.Of(() => ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), AnotherWith(1), Secretariat, Start), ErrorCodes.Coalitions.OtherCoalition);

        var library = ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "  Shared library "), _coalition, Secretariat, Start);

        Assert.Equal(("Shared library", TheCoalition, LibraryStatus.Open), (library.Name, library.Coalition, library.Status));
    }

    [Fact]
    public void Offers_and_requests_are_numbered_in_turn_and_kept_trimmed_on_the_day_made()
    {
        var library = Open();
        var late = Instant.FromUtc(2026, 3, 2, 22, 0);

        var projector = library.Offer(Projector with { Title = " Projector and screen ", Description = "  " }, _coalition, For(1), late);
        var toolkit = library.Offer(Toolkit with { Description = " On the shared drive. " }, _coalition, For(2), Start);
        var need = library.Request(NeedsProjector with { Need = " A projector for the launch " }, _coalition, For(3), Start);

        Assert.Equal(new SharedResource(1, Projector, new LocalDate(2026, 3, 3), null, null), projector);
        Assert.Equal(new SharedResource(2, Toolkit with { Description = "On the shared drive." }, Today, null, null), toolkit);
        Assert.Equal(new ResourceNeed(1, NeedsProjector, Today, null, null), need);
        Assert.Equal([projector, toolkit], library.Offers);
        Assert.Equal([need], library.Requests);
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Offer(null!, _coalition, For(1), Start));
        Refusal.Expect(library, ErrorCodes.Kernel.InvalidText, () => library.Request(NeedsProjector with { Need = "" }, _coalition, For(3), Start));
    }

    [Fact]
    public void A_suspended_member_neither_offers_nor_asks_and_a_loan_names_its_borrower()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        _coalition.Suspend(Partner(3), Adopted(Core.Decisions.MatterType.SuspendMember), Secretariat, Hours(1));

        Refusal.Expect(library, ErrorCodes.Resources.NotAnActiveMember, () => library.Offer(Projector with { Member = Partner(3) }, _coalition, For(3), Hours(2)));
        Refusal.Expect(library, ErrorCodes.Resources.NotAnActiveMember, () => library.Request(NeedsProjector, _coalition, For(3), Hours(2)));
        Refusal.Expect(library, ErrorCodes.Kernel.EmptyId, () => library.Lend(new LoanTerms(1, default, Today), _coalition, For(1), Hours(2)));
    }

    [Fact]
    public void A_request_may_be_needed_by_today_but_not_by_a_day_that_has_passed()
    {
        var library = Open();

        Assert.Equal(
            "A request is needed by a day still to come; 1 March 2026 has passed.",
            Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Request(NeedsProjector with { NeededBy = Today.PlusDays(-1) }, _coalition, For(3), Start)).Message);

        library.Request(NeedsProjector with { NeededBy = Today }, _coalition, For(3), Start);
        library.Request(NeedsProjector with { NeededBy = null }, _coalition, For(3), Start);

        Assert.Equal(2, library.Requests.Count);
    }

    [Fact]
    public void A_refusal_to_withdraw_lend_or_close_names_the_offer_request_or_loan_and_why()
    {
        var library = Busy();
        library.WithdrawOffer(2, _coalition, Secretariat, OnDate(2026, 3, 3));

        Assert.Equal("Shared library has no offer 3.", Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.WithdrawOffer(3, _coalition, Secretariat, Start)).Message);
        Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.WithdrawOffer(0, _coalition, Secretariat, Start));
        Assert.Equal("'Projector and screen' is out on loan 1.", Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.WithdrawOffer(1, _coalition, For(1), Start)).Message);
        Assert.Equal("'Laptop' was withdrawn on 3 March 2026.", Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.WithdrawOffer(2, _coalition, For(1), Start)).Message);
        Assert.Equal("'Laptop' was withdrawn on 3 March 2026.", Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.Lend(new LoanTerms(2, Partner(4), Today), _coalition, For(1), Start)).Message);
        Assert.Equal("Shared library has no request 2.", Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.CloseRequest(2, _coalition, Secretariat, Start)).Message);
        Assert.True(Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.RecordReturn(2, Today, _coalition, For(1), Start)).IsAuthorizationRefusal);

        library.CloseRequest(1, _coalition, For(3), OnDate(2026, 3, 4));

        Assert.Equal("Request 1 of Shared library was closed on 4 March 2026.", Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.CloseRequest(1, _coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void A_loan_is_of_a_lendable_offer_to_another_member_due_from_today_and_meets_only_its_borrower_s_open_request()
    {
        var library = Open();
        library.Offer(Projector, _coalition, For(1), Start);
        library.Offer(Toolkit, _coalition, For(2), Start);
        library.Request(NeedsProjector, _coalition, For(3), Start);

        Assert.Equal("Shared library has no offer 3.", Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.CanLend(new LoanTerms(3, Partner(3), Today), Start).ThrowIfRefused()).Message);
        Assert.Equal("'Reading camp toolkit' is shared freely, not lent.", Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.Lend(new LoanTerms(2, Partner(3), Today), _coalition, For(2), Start)).Message);
        Assert.Equal("A member does not borrow its own 'Projector and screen'.", Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(1), Today), _coalition, For(1), Start)).Message);
        Assert.Equal(
            "A loan lent on 2 March 2026 is due back on that day or later, within 5 years; not on 1 March 2026.",
            Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(3), Today.PlusDays(-1)), _coalition, For(1), Start)).Message);
        Assert.Equal("Shared library has no request 2.", Refusal.Expect(library, ErrorCodes.Resources.UnknownResource, () => library.Lend(new LoanTerms(1, Partner(3), Today, 2), _coalition, For(1), Start)).Message);
        Assert.Equal(
            "A loan meets an open request of its borrower; request 1 is not one.",
            Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.Lend(new LoanTerms(1, Partner(4), Today, 1), _coalition, For(1), Start)).Message);
        Assert.True(Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Lend(new LoanTerms(3, Partner(3), Today), _coalition, For(1), Start)).IsAuthorizationRefusal);
        Assert.Equal("A loan names the offer lent by its number, from 1.", library.CanLend(new LoanTerms(0, Partner(3), Today), Start).Failures.Single().Message);
        Refusal.Expect(library, ErrorCodes.Resources.NotADelegate, () => library.Lend(null!, _coalition, For(1), Start));

        var loan = library.Lend(new LoanTerms(1, Partner(3), Today, 1), _coalition, For(1), OnDate(2026, 3, 2));

        Assert.Equal(new Loan(1, new LoanTerms(1, Partner(3), Today, 1), Partner(1), Today, null), loan);
        Assert.Equal(new ResourceNeed(1, NeedsProjector, Today, Today, 1), library.Requests.Single());
        Assert.Equal((int?)1, library.Offers[0].OnLoan);
    }

    [Fact]
    public void A_return_may_be_dated_on_the_day_of_the_loan_or_today_and_names_the_days_it_refuses()
    {
        var library = Busy();
        var later = OnDate(2026, 3, 5);

        Assert.Equal(
            "A return is dated from the day of the loan, 2 March 2026, to today, 5 March 2026; not 6 March 2026.",
            Refusal.Expect(library, ErrorCodes.Resources.InvalidResource, () => library.RecordReturn(1, new LocalDate(2026, 3, 6), _coalition, For(1), later)).Message);
        Refusal.Expect(library, ErrorCodes.Kernel.OutOfRange, () => library.RecordReturn(1, new LocalDate(1899, 12, 31), _coalition, For(1), later));

        library.RecordReturn(1, Today, _coalition, For(1), later);

        Assert.Equal(
            "Loan 1 of 'Projector and screen' came back on 2 March 2026.",
            Refusal.Expect(library, ErrorCodes.Resources.ResourceUnavailable, () => library.RecordReturn(1, Today, _coalition, For(1), later)).Message);
        Assert.Equal((0, (LocalDate?)Today, (int?)null), (library.OutOnLoan, library.Loans[0].ReturnedOn, library.Offers[0].OnLoan));
        Assert.Empty(library.OverdueOn(new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void The_resources_available_are_those_neither_withdrawn_nor_on_loan_of_the_kind_asked()
    {
        var library = Busy();
        library.Offer(Toolkit, _coalition, For(2), Start);

        Assert.Equal(["Laptop", "Reading camp toolkit"], library.Available().Select(o => o.Offer.Title));
        Assert.Equal(["Laptop"], library.Available(ResourceKind.Equipment).Select(o => o.Offer.Title));
        Assert.Equal(["Reading camp toolkit"], library.Available(ResourceKind.Document).Select(o => o.Offer.Title));
    }

    [Fact]
    public void A_closed_library_names_each_step_it_refuses_and_an_open_one_why_it_cannot_close()
    {
        var library = Busy();

        Assert.Equal(
            "Shared library is open; it cannot close now (only when nothing is out on loan).",
            Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Close(_coalition, Secretariat, Start)).Message);

        library.RecordReturn(1, Today, _coalition, For(1), Start);
        library.Close(_coalition, Secretariat, Start);

        Assert.Equal("Shared library is closed; it cannot request now.", Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Request(NeedsProjector, _coalition, For(3), Start)).Message);
        Assert.Equal("Shared library is closed; it cannot withdraw offer now.", Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.WithdrawOffer(2, _coalition, For(1), Start)).Message);
        Assert.Equal("Shared library is closed; it cannot close request now.", Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.CloseRequest(1, _coalition, For(3), Start)).Message);
        Assert.Equal("Shared library is closed; it cannot lend now.", Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.Lend(new LoanTerms(2, Partner(3), Today), _coalition, For(1), Start)).Message);
        Assert.Equal("Shared library is closed; it cannot return now.", Refusal.Expect(library, ErrorCodes.Resources.LibraryClosed, () => library.RecordReturn(1, Today, _coalition, For(1), Start)).Message);
        Assert.True(library.CanLend(new LoanTerms(2, Partner(3), Today), Start).Has(ErrorCodes.Resources.LibraryClosed));
    }

    [Fact]
    public void Whether_a_loan_could_be_made_checks_its_terms_and_day_and_changes_nothing()
    {
        var library = Busy();

        Assert.True(library.CanLend(new LoanTerms(2, Partner(3), Today), Start).IsAllowed);
        Assert.True(library.CanLend(new LoanTerms(2, Partner(3), Today), OnDate(2026, 3, 3)).Has(ErrorCodes.Resources.InvalidResource));
        Assert.True(library.CanLend(new LoanTerms(2, default, Today), Start).Has(ErrorCodes.Kernel.EmptyId));
        Assert.True(library.CanLend(new LoanTerms(2, Partner(3), Today), Instant.MinValue).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.Single(library.Loans);
    }
}
