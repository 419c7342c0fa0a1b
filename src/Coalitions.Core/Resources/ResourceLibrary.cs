using Coalitions.Core.Kernel;
using NodaTime;
using Stateless;
using Stateless.Graph;
using CoalitionAggregate = Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Resources;

/// <summary>A coalition opened a shared library of resources and expertise.</summary>
/// <param name="Library">The library.</param>
/// <param name="Draft">The coalition and the library's name.</param>
/// <param name="TimeZone">The coalition's time zone (a tz id), in which the library's days are counted.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record LibraryOpened(ResourceLibraryId Library, LibraryDraft Draft, string TimeZone, Instant At, Actor By) : IDomainEvent;

/// <summary>A member offered a resource.</summary>
/// <param name="Library">The library.</param>
/// <param name="Number">The offer's number, next in the library.</param>
/// <param name="Offer">What was offered.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResourceOffered(ResourceLibraryId Library, int Number, ResourceOffer Offer, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A member withdrew its offer.</summary>
/// <param name="Library">The library.</param>
/// <param name="Number">The offer's number.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record OfferWithdrawn(ResourceLibraryId Library, int Number, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A member asked for a resource.</summary>
/// <param name="Library">The library.</param>
/// <param name="Number">The request's number, next in the library.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResourceRequested(ResourceLibraryId Library, int Number, ResourceRequest Request, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A request was closed without a loan (met elsewhere, or no longer needed).</summary>
/// <param name="Library">The library.</param>
/// <param name="Number">The request's number.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record RequestClosed(ResourceLibraryId Library, int Number, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A member lent an offered resource to another member.</summary>
/// <param name="Library">The library.</param>
/// <param name="Number">The loan's number, next in the library.</param>
/// <param name="Terms">The offer lent, the borrower, the due day and the request it meets.</param>
/// <param name="On">The day it was lent, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record ResourceLent(ResourceLibraryId Library, int Number, LoanTerms Terms, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>A lent resource came back to the member that lent it.</summary>
/// <param name="Library">The library.</param>
/// <param name="Loan">The loan's number.</param>
/// <param name="On">The day it came back.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
public sealed record ResourceReturned(ResourceLibraryId Library, int Loan, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>The library was closed.</summary>
/// <param name="Library">The library.</param>
/// <param name="On">The day, in the coalition's time zone.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record LibraryClosed(ResourceLibraryId Library, LocalDate On, Instant At, Actor By) : IDomainEvent;

/// <summary>
/// A coalition's shared library of resources and expertise: members offer what they can share (documents, equipment,
/// trainers, data, expertise), ask for what they need, and lend to each other what is lent and returned.
/// </summary>
/// <remarks>
/// <para>Invariants: offers, requests and loans are numbered in order from 1; an offer is out on at most one loan at a time,
/// and only while it is offered, lendable and not withdrawn; a member never borrows its own offer; a request is met by at
/// most one loan, of the member that asked; a loan comes back once, on or after the day it was lent.</para>
/// <para>Lifecycle: Open, then Closed once nothing is out on loan. Whether a loan is overdue is computed from the dates
/// (<see cref="Loan.IsOverdueOn"/>, <see cref="OverdueOn"/>), never recorded.</para>
/// <para>Who may act: a coordinator opens and closes the library; a delegate of a member offers, withdraws, lends and takes
/// back the member's resources and asks for and closes the member's requests; a coordinator may also withdraw an offer or
/// close a request (to keep the library tidy). Everyone in the coalition may read it: what is on offer, what is asked for,
/// and who has borrowed what.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class ResourceLibrary : AggregateRoot<ResourceLibraryId>
{
    /// <summary>The most offers a library holds.</summary>
    public const int MaxOffers = 100_000;

    /// <summary>The most requests a library holds.</summary>
    public const int MaxRequests = 100_000;

    /// <summary>The most loans a library records.</summary>
    public const int MaxLoans = 1_000_000;

    /// <summary>The longest a loan runs: five years from the day it is lent.</summary>
    public const int MaxLoanYears = 5;

    private static readonly Permissions<ResourceLibrary, Acting> Who = new(nameof(ResourceLibrary));
    private static readonly Role<ResourceLibrary, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => ResourceRules.IsCoordinator(acting.Coalition, by));
    private static readonly Role<ResourceLibrary, Acting> OwnerDelegate = Who.Role(
        "a delegate of the member that offers (or offered) the resource, acting for it",
        static (_, by, acting) => acting.Member is { } member && acting.Coalition is { } coalition && coalition.IsDelegate(member, by));
    private static readonly Role<ResourceLibrary, Acting> AskerDelegate = Who.Role(
        "a delegate of the member that asks (or asked), acting for it",
        static (_, by, acting) => acting.Member is { } member && acting.Coalition is { } coalition && coalition.IsDelegate(member, by));

    private static readonly Command<ResourceLibrary, Acting> OpenCommand = Who.Command(nameof(Open), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<ResourceLibrary, Acting> OfferCommand = Who.Command(nameof(Offer), ErrorCodes.Resources.NotADelegate, OwnerDelegate);
    private static readonly Command<ResourceLibrary, Acting> WithdrawOfferCommand = Who.Command(nameof(WithdrawOffer), ErrorCodes.Resources.NotADelegate, OwnerDelegate, ACoordinator);
    private static readonly Command<ResourceLibrary, Acting> RequestCommand = Who.Command(nameof(Request), ErrorCodes.Resources.NotADelegate, AskerDelegate);
    private static readonly Command<ResourceLibrary, Acting> CloseRequestCommand = Who.Command(nameof(CloseRequest), ErrorCodes.Resources.NotADelegate, AskerDelegate, ACoordinator);
    private static readonly Command<ResourceLibrary, Acting> LendCommand = Who.Command(nameof(Lend), ErrorCodes.Resources.NotADelegate, OwnerDelegate);
    private static readonly Command<ResourceLibrary, Acting> RecordReturnCommand = Who.Command(nameof(RecordReturn), ErrorCodes.Resources.NotADelegate, OwnerDelegate);
    private static readonly Command<ResourceLibrary, Acting> CloseCommand = Who.Command(nameof(Close), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);

    private readonly List<SharedResource> _offers = [];
    private readonly List<ResourceNeed> _requests = [];
    private readonly List<Loan> _loans = [];
    private int _outstanding;
    private LibraryStatus _status;
    private StateMachine<LibraryStatus, Step>? _machine;

    private ResourceLibrary()
    {
    }

    private enum Step
    {
        Offer,
        WithdrawOffer,
        Request,
        CloseRequest,
        Lend,
        Return,
        Close,
    }

    /// <summary>Gets the coalition whose members share through the library.</summary>
    public CoalitionId Coalition { get; private set; }

    /// <summary>Gets the library's name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Gets whether it is open or closed.</summary>
    public LibraryStatus Status => _status;

    /// <summary>Gets the coalition's time zone, in which the library's days are counted.</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets every offer, in the order made, withdrawn ones included.</summary>
    public IReadOnlyList<SharedResource> Offers => _offers.AsReadOnly();

    /// <summary>Gets every request, in the order made.</summary>
    public IReadOnlyList<ResourceNeed> Requests => _requests.AsReadOnly();

    /// <summary>Gets every loan, in the order made.</summary>
    public IReadOnlyList<Loan> Loans => _loans.AsReadOnly();

    /// <summary>Gets how many resources are out on loan now.</summary>
    public int OutOnLoan => _outstanding;

    private StateMachine<LibraryStatus, Step> Machine => _machine ??= BuildMachine();

    /// <summary>Opens a shared library for the coalition's members.</summary>
    /// <param name="id">The library's id.</param>
    /// <param name="draft">The coalition and the library's name.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it opens, in the years 1900 to 2999.</param>
    /// <returns>The library.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); no name
    /// (<c>Kernel.InvalidText</c>) or an empty id (<c>Kernel.EmptyId</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var library = ResourceLibrary.Open(ResourceLibraryId.New(), new LibraryDraft(coalition.Id, "Shared library"), coalition, secretariat, now);
    /// </code>
    /// </example>
    public static ResourceLibrary Open(ResourceLibraryId id, LibraryDraft draft, CoalitionAggregate coalition, Actor by, Instant at)
    {
        var library = new ResourceLibrary();
        OpenCommand.Authorize(library, by, at, new Acting(coalition, null), "a new library");
        Ensure.Id(id, nameof(id));
        LibraryDraftValidator.Instance.EnsureValid(draft);
        ResourceRules.EnsureCoalition(coalition, draft.Coalition);
        library.Raise(new LibraryOpened(id, draft with { Name = draft.Name.Trim() }, coalition.TimeZone.Id, at, by));
        return library;
    }

    /// <summary>Rebuilds a library from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The library.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one library (<c>Kernel.CorruptHistory</c>).</exception>
    public static ResourceLibrary Rehydrate(IEnumerable<IDomainEvent> history) => Rebuild(new ResourceLibrary(), history);

    /// <summary>The library's lifecycle as a Mermaid state diagram, drawn from its state machine.</summary>
    /// <returns>The diagram's Mermaid text.</returns>
    public static string LifecycleDiagram() => MermaidGraph.Format(new ResourceLibrary { _status = LibraryStatus.Open }.Machine.GetInfo());

    /// <summary>Offers one of a member's resources to the others.</summary>
    /// <param name="offer">The member, the kind, a title, a description, and whether it is lent or shared freely.</param>
    /// <param name="coalition">The library's coalition: the member is active in it today.</param>
    /// <param name="by">A delegate of the offering member, acting for it.</param>
    /// <param name="at">When it is offered, in the years 1900 to 2999.</param>
    /// <returns>The offer, numbered.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the member's delegate (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>); closed
    /// (<c>Resources.LibraryClosed</c>); an invalid offer (<c>Kernel.InvalidText</c>, <c>Kernel.InvalidInput</c>, <c>Kernel.EmptyId</c>);
    /// a member not active (<c>Resources.NotAnActiveMember</c>); the library is full (<c>Kernel.OutOfRange</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var projector = library.Offer(new ResourceOffer(literacyNow, ResourceKind.Equipment, "Projector and screen"), coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public SharedResource Offer(ResourceOffer offer, CoalitionAggregate coalition, Actor by, Instant at)
    {
        OfferCommand.Authorize(this, by, at, new Acting(coalition, offer?.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Offer);
        ResourceOfferValidator.Instance.EnsureValid(offer);
        var today = DateOf(at);
        ResourceRules.EnsureActiveMember(coalition, offer.Member, today);
        EnsureRoom(_offers.Count, MaxOffers, "offers");
        var kept = offer with { Title = offer.Title.Trim(), Description = FreeText.Kept(offer.Description) };
        Raise(new ResourceOffered(Id, _offers.Count + 1, kept, today, at, by));
        return _offers[^1];
    }

    /// <summary>Withdraws an offer; only while it is not out on loan.</summary>
    /// <param name="offer">The offer's number.</param>
    /// <param name="coalition">The library's coalition.</param>
    /// <param name="by">A delegate of the offering member, acting for it, or a coordinator of the coalition.</param>
    /// <param name="at">When it is withdrawn, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Neither the member's delegate nor a coordinator (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// closed (<c>Resources.LibraryClosed</c>); no such offer (<c>Resources.UnknownResource</c>); already withdrawn or out on loan
    /// (<c>Resources.ResourceUnavailable</c>).
    /// </exception>
    public void WithdrawOffer(int offer, CoalitionAggregate coalition, Actor by, Instant at)
    {
        WithdrawOfferCommand.Authorize(this, by, at, new Acting(coalition, OfferOrNull(offer)?.Offer.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.WithdrawOffer);
        var shared = FindOffer(offer);
        if (!shared.IsAvailable)
        {
            throw Unavailable(shared);
        }

        Raise(new OfferWithdrawn(Id, offer, DateOf(at), at, by));
    }

    /// <summary>Asks the other members for a resource.</summary>
    /// <param name="request">The member, the kind, what it needs and by when.</param>
    /// <param name="coalition">The library's coalition: the member is active in it today.</param>
    /// <param name="by">A delegate of the asking member, acting for it.</param>
    /// <param name="at">When it asks, in the years 1900 to 2999.</param>
    /// <returns>The request, numbered.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the member's delegate (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>); closed
    /// (<c>Resources.LibraryClosed</c>); an invalid request or a day already past (<c>Resources.InvalidResource</c>, <c>Kernel.InvalidText</c>,
    /// <c>Kernel.OutOfRange</c>); a member not active (<c>Resources.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// library.Request(new ResourceRequest(girlsLearn, ResourceKind.Trainer, "A trainer for mentors in Kilifi", new LocalDate(2026, 6, 1)), coalition, Actor.Representing(amina, girlsLearn), now);
    /// </code>
    /// </example>
    public ResourceNeed Request(ResourceRequest request, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RequestCommand.Authorize(this, by, at, new Acting(coalition, request?.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Request);
        ResourceRequestValidator.Instance.EnsureValid(request);
        var today = DateOf(at);
        if (request.NeededBy is { } neededBy && neededBy < today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidResource, "A request is needed by a day still to come; {day} has passed.", ("day", neededBy));
        }

        ResourceRules.EnsureActiveMember(coalition, request.Member, today);
        EnsureRoom(_requests.Count, MaxRequests, "requests");
        Raise(new ResourceRequested(Id, _requests.Count + 1, request with { Need = request.Need.Trim() }, today, at, by));
        return _requests[^1];
    }

    /// <summary>Closes an open request that no loan will meet (met elsewhere, or no longer needed).</summary>
    /// <param name="request">The request's number.</param>
    /// <param name="coalition">The library's coalition.</param>
    /// <param name="by">A delegate of the asking member, acting for it, or a coordinator of the coalition.</param>
    /// <param name="at">When it is closed, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Neither the member's delegate nor a coordinator (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// closed library (<c>Resources.LibraryClosed</c>); no such request (<c>Resources.UnknownResource</c>); already met or closed
    /// (<c>Resources.ResourceUnavailable</c>).
    /// </exception>
    public void CloseRequest(int request, CoalitionAggregate coalition, Actor by, Instant at)
    {
        CloseRequestCommand.Authorize(this, by, at, new Acting(coalition, RequestOrNull(request)?.Request.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.CloseRequest);
        var need = FindRequest(request);
        if (!need.IsOpen)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.ResourceUnavailable, "Request {number} of {library} was closed on {day}.", ("number", request), ("library", Name), ("day", need.ClosedOn!.Value));
        }

        Raise(new RequestClosed(Id, request, DateOf(at), at, by));
    }

    /// <summary>Lends an offered resource to another member until a due day, perhaps meeting its request.</summary>
    /// <param name="terms">The offer lent, the borrower, the day it is due back and the borrower's request it meets.</param>
    /// <param name="coalition">The library's coalition: the borrower is active in it today.</param>
    /// <param name="by">A delegate of the member that offered it, acting for it.</param>
    /// <param name="at">When it is lent, in the years 1900 to 2999.</param>
    /// <returns>The loan, numbered.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not the lender's delegate, or no such offer (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// closed (<c>Resources.LibraryClosed</c>); withdrawn, shared freely, or already out on loan (<c>Resources.ResourceUnavailable</c>);
    /// the lender borrowing, a due day before today or more than five years on, or a request not the borrower's or not open
    /// (<c>Resources.InvalidResource</c>, <c>Resources.UnknownResource</c>, <c>Kernel.OutOfRange</c>); a borrower not active
    /// (<c>Resources.NotAnActiveMember</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// library.Lend(new LoanTerms(projector.Number, girlsLearn, new LocalDate(2026, 5, 31), Request: 1), coalition, Actor.Representing(delegatePerson, literacyNow), now);
    /// </code>
    /// </example>
    public Loan Lend(LoanTerms terms, CoalitionAggregate coalition, Actor by, Instant at)
    {
        LendCommand.Authorize(this, by, at, new Acting(coalition, terms is null ? null : OfferOrNull(terms.Offer)?.Offer.Member), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Lend);
        LoanTermsValidator.Instance.EnsureValid(terms);
        var today = DateOf(at);
        if (LoanProblem(terms, today) is { } problem)
        {
            throw problem;
        }

        ResourceRules.EnsureActiveMember(coalition, terms.Borrower, today);
        EnsureRoom(_loans.Count, MaxLoans, "loans");
        Raise(new ResourceLent(Id, _loans.Count + 1, terms, today, at, by));
        return _loans[^1];
    }

    /// <summary>Records that a lent resource came back.</summary>
    /// <param name="loan">The loan's number.</param>
    /// <param name="returnedOn">The day it came back: on or after the day it was lent, no later than today.</param>
    /// <param name="coalition">The library's coalition.</param>
    /// <param name="by">A delegate of the member that lent it, acting for it: the lender confirms it has it back.</param>
    /// <param name="at">When it is recorded, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not the lender's delegate, or no such loan (<c>Resources.NotADelegate</c>); another coalition (<c>Coalitions.OtherCoalition</c>);
    /// already returned (<c>Resources.ResourceUnavailable</c>); a day before it was lent or after today (<c>Resources.InvalidResource</c>,
    /// <c>Kernel.OutOfRange</c>).
    /// </exception>
    public void RecordReturn(int loan, LocalDate returnedOn, CoalitionAggregate coalition, Actor by, Instant at)
    {
        RecordReturnCommand.Authorize(this, by, at, new Acting(coalition, loan >= 1 && loan <= _loans.Count ? _loans[loan - 1].Lender : null), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Return);
        Ensure.Date(returnedOn, nameof(returnedOn));
        // Stryker disable once all : authorization needs a delegate of the lender, which only a loan the library holds has, so this guard never holds; it keeps the index safe.
        var lent = loan >= 1 && loan <= _loans.Count ? _loans[loan - 1]
            : throw CoalitionRuleException.Because(ErrorCodes.Resources.UnknownResource, "{library} has no loan {number}.", ("library", Name), ("number", loan));
        if (lent.ReturnedOn is { } back)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.ResourceUnavailable, "Loan {number} of '{title}' came back on {day}.", ("number", loan), ("title", _offers[lent.Terms.Offer - 1].Offer.Title), ("day", back));
        }

        var today = DateOf(at);
        if (returnedOn < lent.LentOn || returnedOn > today)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Resources.InvalidResource, "A return is dated from the day of the loan, {lent}, to today, {today}; not {day}.", ("lent", lent.LentOn), ("today", today), ("day", returnedOn));
        }

        Raise(new ResourceReturned(Id, loan, returnedOn, at, by));
    }

    /// <summary>Closes the library; only when nothing is out on loan.</summary>
    /// <param name="coalition">The library's coalition.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When it closes, in the years 1900 to 2999.</param>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>); another coalition (<c>Coalitions.OtherCoalition</c>); already closed,
    /// or something is out on loan (<c>Resources.LibraryClosed</c>).
    /// </exception>
    public void Close(CoalitionAggregate coalition, Actor by, Instant at)
    {
        CloseCommand.Authorize(this, by, at, new Acting(coalition, null), Name);
        ResourceRules.EnsureCoalition(coalition, Coalition);
        EnsureStep(Step.Close);
        Raise(new LibraryClosed(Id, DateOf(at), at, by));
    }

    /// <summary>Whether a loan could be made now, and why not (who lends is checked by <see cref="Lend"/>).</summary>
    /// <param name="terms">The terms.</param>
    /// <param name="at">When it would be lent.</param>
    /// <returns>The check.</returns>
    public RuleCheck CanLend(LoanTerms terms, Instant at)
    {
        try
        {
            EnsureStep(Step.Lend);
            LoanTermsValidator.Instance.EnsureValid(terms);
            return LoanProblem(terms, DateOf(at)) is { } problem ? RuleCheck.Refused(problem.Failures[0]) : RuleCheck.Allowed;
        }
        catch (CoalitionRuleException refused)
        {
            return RuleCheck.Refused(refused.Failures[0]);
        }
    }

    /// <summary>The offers a member may borrow or use now, of a kind or of every kind.</summary>
    /// <param name="kind">The kind, or <see langword="null"/> for every kind.</param>
    /// <returns>The offers, in the order made.</returns>
    public IReadOnlyList<SharedResource> Available(ResourceKind? kind = null) =>
        _offers.Where(o => o.IsAvailable && (kind is null || o.Offer.Kind == kind)).ToArray();

    /// <summary>The loans overdue on a day: not returned and past their due day.</summary>
    /// <param name="date">The day, in the coalition's time zone.</param>
    /// <returns>The loans, in the order made.</returns>
    public IReadOnlyList<Loan> OverdueOn(LocalDate date) => _loans.Where(l => l.IsOverdueOn(date)).ToArray();

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is LibraryOpened;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent)
    {
        if (domainEvent is LibraryOpened opened)
        {
            return LibraryDraftValidator.Instance.Validate(opened.Draft).IsValid && DateTimeZoneProviders.Tzdb.GetZoneOrNull(opened.TimeZone) is not null
                ? null : "the library is ill-formed or names an unknown time zone.";
        }

        if (_status != LibraryStatus.Open)
        {
            return "the library is closed.";
        }

        return domainEvent switch
        {
            ResourceOffered e => e.Number != _offers.Count + 1 ? "the offer is not numbered next."
                : !ResourceOfferValidator.Instance.Validate(e.Offer).IsValid || !IsDay(e.On) ? "the offer is ill-formed." : null,
            OfferWithdrawn e => OfferOrNull(e.Number) is not { } shared ? "no offer has that number."
                : !shared.IsAvailable ? "the offer is withdrawn or out on loan." : !IsDay(e.On) ? "the day is out of range." : null,
            ResourceRequested e => e.Number != _requests.Count + 1 ? "the request is not numbered next."
                : !ResourceRequestValidator.Instance.Validate(e.Request).IsValid || !IsDay(e.On) ? "the request is ill-formed." : null,
            RequestClosed e => RequestOrNull(e.Number) is not { } need ? "no request has that number."
                : !need.IsOpen ? "the request is closed." : !IsDay(e.On) ? "the day is out of range." : null,
            ResourceLent e => e.Number != _loans.Count + 1 ? "the loan is not numbered next."
                : !LoanTermsValidator.Instance.Validate(e.Terms).IsValid || !IsDay(e.On) ? "the loan is ill-formed."
                : LoanProblem(e.Terms, e.On) is { } problem ? problem.Failures[0].Message : null,
            ResourceReturned e => e.Loan < 1 || e.Loan > _loans.Count ? "no loan has that number."
                : _loans[e.Loan - 1].ReturnedOn is not null ? "the loan came back already."
                : !IsDay(e.On) || e.On < _loans[e.Loan - 1].LentOn ? "the return is dated before the loan." : null,
            LibraryClosed e => _outstanding > 0 ? "something is out on loan." : !IsDay(e.On) ? "the day is out of range." : null,
            _ => null,
        };
    }

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case LibraryOpened e:
                Id = e.Library;
                Coalition = e.Draft.Coalition;
                Name = e.Draft.Name;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.TimeZone) ?? DateTimeZone.Utc;
                _status = LibraryStatus.Open;
                break;
            case ResourceOffered e:
                _offers.Add(new SharedResource(e.Number, e.Offer, e.On, null, null));
                break;
            case OfferWithdrawn e:
                _offers[e.Number - 1] = _offers[e.Number - 1] with { WithdrawnOn = e.On };
                break;
            case ResourceRequested e:
                _requests.Add(new ResourceNeed(e.Number, e.Request, e.On, null, null));
                break;
            case RequestClosed e:
                _requests[e.Number - 1] = _requests[e.Number - 1] with { ClosedOn = e.On };
                break;
            case ResourceLent e:
                var offered = _offers[e.Terms.Offer - 1];
                _loans.Add(new Loan(e.Number, e.Terms, offered.Offer.Member, e.On, null));
                _offers[e.Terms.Offer - 1] = offered with { OnLoan = e.Number };
                if (e.Terms.Request is { } met)
                {
                    _requests[met - 1] = _requests[met - 1] with { ClosedOn = e.On, MetBy = e.Number };
                }

                _outstanding++;
                break;
            case ResourceReturned e:
                var loan = _loans[e.Loan - 1];
                _loans[e.Loan - 1] = loan with { ReturnedOn = e.On };
                _offers[loan.Terms.Offer - 1] = _offers[loan.Terms.Offer - 1] with { OnLoan = null };
                _outstanding--;
                break;
            case LibraryClosed:
                _status = LibraryStatus.Closed;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    private static bool IsDay(LocalDate day) => Limits.IsDate(day);

    private static void EnsureRoom(int count, int max, string what)
    {
        if (count >= max)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The library holds {max} {what}, the most it keeps.", ("max", max), ("what", what));
        }
    }

    private static CoalitionRuleException Unavailable(SharedResource shared) => shared.WithdrawnOn is { } withdrawn
        ? CoalitionRuleException.Because(ErrorCodes.Resources.ResourceUnavailable, "'{title}' was withdrawn on {day}.", ("title", shared.Offer.Title), ("day", withdrawn))
        : CoalitionRuleException.Because(ErrorCodes.Resources.ResourceUnavailable, "'{title}' is out on loan {loan}.", ("title", shared.Offer.Title), ("loan", shared.OnLoan ?? 0));

    // What is wrong with a loan on a day, or null; shared by the command, its check and replay. Terms are valid dates here.
    private CoalitionRuleException? LoanProblem(LoanTerms terms, LocalDate on)
    {
        if (OfferOrNull(terms.Offer) is not { } shared)
        {
            return CoalitionRuleException.Because(ErrorCodes.Resources.UnknownResource, "{library} has no offer {number}.", ("library", Name), ("number", terms.Offer));
        }

        if (!shared.IsAvailable)
        {
            return Unavailable(shared);
        }

        if (!shared.Offer.Lendable)
        {
            return CoalitionRuleException.Because(ErrorCodes.Resources.ResourceUnavailable, "'{title}' is shared freely, not lent.", ("title", shared.Offer.Title));
        }

        if (terms.Borrower == shared.Offer.Member)
        {
            return CoalitionRuleException.Because(ErrorCodes.Resources.InvalidResource, "A member does not borrow its own '{title}'.", ("title", shared.Offer.Title));
        }

        if (terms.Due < on || terms.Due > on.PlusYears(MaxLoanYears))
        {
            return CoalitionRuleException.Because(ErrorCodes.Resources.InvalidResource, "A loan lent on {on} is due back on that day or later, within {years} years; not on {due}.", ("on", on), ("years", MaxLoanYears), ("due", terms.Due));
        }

        if (terms.Request is { } number)
        {
            if (RequestOrNull(number) is not { } need)
            {
                return CoalitionRuleException.Because(ErrorCodes.Resources.UnknownResource, "{library} has no request {number}.", ("library", Name), ("number", number));
            }

            if (!need.IsOpen || need.Request.Member != terms.Borrower)
            {
                return CoalitionRuleException.Because(ErrorCodes.Resources.InvalidResource, "A loan meets an open request of its borrower; request {number} is not one.", ("number", number));
            }
        }

        return null;
    }

    private SharedResource? OfferOrNull(int number) => number >= 1 && number <= _offers.Count ? _offers[number - 1] : null;

    private ResourceNeed? RequestOrNull(int number) => number >= 1 && number <= _requests.Count ? _requests[number - 1] : null;

    private SharedResource FindOffer(int number) => OfferOrNull(number)
        ?? throw CoalitionRuleException.Because(ErrorCodes.Resources.UnknownResource, "{library} has no offer {number}.", ("library", Name), ("number", number));

    private ResourceNeed FindRequest(int number) => RequestOrNull(number)
        ?? throw CoalitionRuleException.Because(ErrorCodes.Resources.UnknownResource, "{library} has no request {number}.", ("library", Name), ("number", number));

    private LocalDate DateOf(Instant at) => Ensure.Date(Ensure.At(at).InZone(TimeZone).Date, "today");

    private void EnsureStep(Step step)
    {
        if (!Machine.CanFire(step, out var unmet))
        {
            var because = unmet?.Count > 0 ? " (only when " + Words.List(unmet) + ")" : string.Empty;
            throw CoalitionRuleException.Because(ErrorCodes.Resources.LibraryClosed, "{library} is {status}; it cannot {step} now{because}.", ("library", Name), ("status", _status), ("step", Words.Format(step)), ("because", because));
        }
    }

    // The machine's state is the recorded status; it is consulted, never fired.
    private StateMachine<LibraryStatus, Step> BuildMachine()
    {
        var machine = new StateMachine<LibraryStatus, Step>(() => _status, _ => { });
        machine.Configure(LibraryStatus.Open)
            .PermitReentry(Step.Offer)
            .PermitReentry(Step.WithdrawOffer)
            .PermitReentry(Step.Request)
            .PermitReentry(Step.CloseRequest)
            .PermitReentry(Step.Lend)
            .PermitReentry(Step.Return)
            .PermitIf(Step.Close, LibraryStatus.Closed, () => _outstanding == 0, "nothing is out on loan");
        machine.Configure(LibraryStatus.Closed);
        return machine;
    }

    // What a command tells its authorization check: the coalition passed in and the member whose offer, request or loan it is.
    private readonly record struct Acting(CoalitionAggregate? Coalition, PartnerId? Member);
}
