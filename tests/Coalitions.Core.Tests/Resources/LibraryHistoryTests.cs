using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

/// <summary>A stored resource library is untrusted: each offer, request, loan or return that could not have happened is refused with its reason.</summary>
public class LibraryHistoryTests
{
    private static readonly ResourceLibraryId TheLibrary = ResourceLibraryId.FromGuid(Guid.Parse("f5000000-0000-0000-0000-000000000001"));
    private static readonly LocalDate March = new(2026, 3, 2);
    private static readonly LocalDate OutOfRange = new(3000, 1, 1);

    private static List<IDomainEvent> Opened() =>
        [.. ResourceLibrary.Open(TheLibrary, new LibraryDraft(TheCoalition, "Shared library"), Coalition(), Secretariat, Start).DequeueUncommittedEvents()];

    private static ResourceOffered Offered(int number = 1, bool lendable = true) =>
        new(TheLibrary, number, new ResourceOffer(Partner(1), ResourceKind.Equipment, "Projector", Lendable: lendable), March, Start, For(1));

    private static ResourceRequested Requested(int number = 1, int member = 3) =>
        new(TheLibrary, number, new ResourceRequest(Partner(member), ResourceKind.Equipment, "A projector for the launch"), March, Start, For(member));

    private static ResourceLent Lent(int number = 1, int offer = 1, int borrower = 3, LocalDate? due = null, int? request = null) =>
        new(TheLibrary, number, new LoanTerms(offer, Partner(borrower), due ?? new LocalDate(2026, 3, 20), request), March, Start, For(1));

    private static ResourceReturned Returned(int loan = 1, LocalDate? on = null) => new(TheLibrary, loan, on ?? new LocalDate(2026, 3, 18), Start, For(1));

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(ResourceLibrary.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_library_opens_whole_in_a_known_time_zone_and_a_closed_one_stores_nothing_more()
    {
        var opened = (LibraryOpened)Opened()[0];

        Corrupt([], "the library is ill-formed or names an unknown time zone.", opened with { TimeZone = "Nairobi" });
        Corrupt([], "the library is ill-formed or names an unknown time zone.", opened with { Draft = opened.Draft with { Name = " " } });
        Corrupt([.. Opened(), new LibraryClosed(TheLibrary, March, Start, Secretariat)], "the library is closed.", Offered());
    }

    [Fact]
    public void Stored_offers_and_requests_are_numbered_in_turn_well_formed_and_dated_in_range()
    {
        Corrupt(Opened(), "the offer is not numbered next.", Offered(2));
        Corrupt(Opened(), "the offer is ill-formed.", Offered() with { Offer = Offered().Offer with { Title = " " } });
        Corrupt(Opened(), "the offer is ill-formed.", Offered() with { On = OutOfRange });
        Corrupt(Opened(), "the request is not numbered next.", Requested(2));
        Corrupt(Opened(), "the request is ill-formed.", Requested() with { Request = Requested().Request with { Need = " " } });
        Corrupt(Opened(), "the request is ill-formed.", Requested() with { On = OutOfRange });
    }

    [Fact]
    public void A_stored_withdrawal_or_closing_of_a_request_names_one_that_is_still_open()
    {
        var withdrawn = new OfferWithdrawn(TheLibrary, 1, March, Start, For(1));
        var closed = new RequestClosed(TheLibrary, 1, March, Start, For(3));

        Corrupt(Opened(), "no offer has that number.", withdrawn);
        Corrupt([.. Opened(), Offered(), withdrawn], "the offer is withdrawn or out on loan.", withdrawn);
        Corrupt([.. Opened(), Offered(), Lent()], "the offer is withdrawn or out on loan.", withdrawn);
        Corrupt([.. Opened(), Offered()], "the day is out of range.", withdrawn with { On = OutOfRange });
        Corrupt(Opened(), "no request has that number.", closed);
        Corrupt([.. Opened(), Requested(), closed], "the request is closed.", closed);
        Corrupt([.. Opened(), Requested()], "the day is out of range.", closed with { On = OutOfRange });
    }

    [Fact]
    public void A_stored_loan_is_numbered_in_turn_of_a_lendable_offer_to_another_member_due_within_five_years()
    {
        Corrupt([.. Opened(), Offered()], "the loan is not numbered next.", Lent(2));
        Corrupt([.. Opened(), Offered()], "the loan is ill-formed.", Lent() with { On = OutOfRange });
        Corrupt([.. Opened(), Offered()], "Shared library has no offer 2.", Lent(offer: 2));
        Corrupt([.. Opened(), Offered(lendable: false)], "'Projector' is shared freely, not lent.", Lent());
        Corrupt([.. Opened(), Offered()], "A member does not borrow its own 'Projector'.", Lent(borrower: 1));
        Corrupt([.. Opened(), Offered()], "A loan lent on 2 March 2026 is due back on that day or later, within 5 years; not on 1 March 2026.", Lent(due: new LocalDate(2026, 3, 1)));
        Corrupt([.. Opened(), Offered()], "not on 3 March 2031.", Lent(due: new LocalDate(2031, 3, 3)));
        Corrupt([.. Opened(), Offered(), Lent()], "'Projector' is out on loan 1.", Lent(2));

        Assert.Single(ResourceLibrary.Rehydrate([.. Opened(), Offered(), Lent(due: new LocalDate(2031, 3, 2))]).Loans);
    }

    [Fact]
    public void A_stored_loan_meets_an_open_request_of_its_borrower()
    {
        Corrupt([.. Opened(), Offered()], "Shared library has no request 1.", Lent(request: 1));
        Corrupt([.. Opened(), Offered(), Requested(member: 4)], "A loan meets an open request of its borrower; request 1 is not one.", Lent(request: 1));

        Assert.False(ResourceLibrary.Rehydrate([.. Opened(), Offered(), Requested(), Lent(request: 1)]).Requests[0].IsOpen);
    }

    [Fact]
    public void A_stored_return_is_of_a_loan_still_out_dated_on_or_after_it_was_lent()
    {
        Corrupt([.. Opened(), Offered(), Lent()], "no loan has that number.", Returned(2));
        Corrupt([.. Opened(), Offered(), Lent()], "no loan has that number.", Returned(0));
        Corrupt([.. Opened(), Offered(), Lent(), Returned()], "the loan came back already.", Returned());
        Corrupt([.. Opened(), Offered(), Lent()], "the return is dated before the loan.", Returned(on: new LocalDate(2026, 3, 1)));
        Corrupt([.. Opened(), Offered(), Lent()], "the return is dated before the loan.", Returned(on: OutOfRange));

        Assert.Equal(March, ResourceLibrary.Rehydrate([.. Opened(), Offered(), Lent(), Returned(on: March)]).Loans[0].ReturnedOn);
    }

    [Fact]
    public void A_stored_library_closes_with_nothing_out_on_loan()
    {
        var closed = new LibraryClosed(TheLibrary, March, Start, Secretariat);

        Corrupt([.. Opened(), Offered(), Lent()], "something is out on loan.", closed);
        Corrupt(Opened(), "the day is out of range.", closed with { On = OutOfRange });
    }
}
