using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using NodaTime;

namespace Coalitions.Core.Governance;

/// <summary>Whether a seat is held on a date.</summary>
public enum SeatState
{
    /// <summary>Nobody holds it: it may be filled.</summary>
    Vacant = 1,

    /// <summary>An active member holds it.</summary>
    Held = 2,

    /// <summary>Its holder is suspended or lapsed and the rule book freezes such seats: it neither votes nor may be filled.</summary>
    Frozen = 3,
}

/// <summary>
/// How a coalition governs itself: its bodies (assembly, steering committee, working groups, secretariat,
/// advisory board) with seats, terms, term limits, reserved seats and offices; its chambers; and its rule book,
/// which names for every matter the deciding body, the decision rule, who may propose and how many seconders
/// a motion needs. It produces the electorate a proposal freezes.
/// </summary>
/// <remarks>
/// <para>One governance per coalition, keyed by the coalition's id, in a stream of its own. Every command takes the
/// <see cref="Coalition"/> as read-only input: for who may act (its coordinators; a body's convenor; a seat's or an
/// office's holder, acting through its member's delegates; the host system for scheduled rotation) and for membership (who may hold office, who is
/// suspended). A coalition other than the one governed is refused (<c>Coalitions.OtherCoalition</c>).</para>
/// <para>The seats of a suspended or lapsed member follow the rule book's <see cref="SeatPolicy"/>, computed on
/// every read and check from the member's status, so suspending a member needs no event here. A member that
/// withdraws or is expelled always leaves its seats vacant. Changing bodies or the rule book is a charter
/// matter: it cites an adopted decision to amend the charter.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class CoalitionGovernance : AggregateRoot<CoalitionId>, IRuleBook
{
    private static readonly Permissions<CoalitionGovernance, Acting> Who = new(
        nameof(CoalitionGovernance),
        static (_, acting, partner) => acting.Coalition is { } coalition && coalition.TryGetMembership(partner, out var member) ? member.Name : null,
        static (_, acting, person) => acting.Coalition?.Coordinators.FirstOrDefault(c => c.Person == person)?.Name);
    private static readonly Role<CoalitionGovernance, Acting> ACoordinator = Who.Role(
        "a coordinator of the coalition",
        static (_, by, acting) => by.Kind == ActorKind.Person && by.Person is { } person && acting.Coalition.IsCoordinator(person));
    private static readonly Role<CoalitionGovernance, Acting> BodyConvenor = Who.Role(
        "the body's convenor (the holder of the office that convenes it, else its chair), acting through one of its member's delegates",
        static (_, by, acting) => acting.Body is { } body && body.Offices.TryGetValue(body.Definition.Convenor ?? Office.Chair, out var convenor) && acting.Coalition.IsDelegate(convenor, by));
    private static readonly Role<CoalitionGovernance, Acting> HolderOfOffice = Who.Role(
        "the holder of the office, acting through one of its member's delegates, to pass it on",
        static (_, by, acting) => acting.Body is { } body && acting.Office is { } office && body.Offices.TryGetValue(office, out var holder) && acting.Coalition.IsDelegate(holder, by));
    private static readonly Role<CoalitionGovernance, Acting> HolderOfSeat = Who.Role(
        "the member holding the seat, acting through one of its delegates, to resign it",
        static (_, by, acting) => acting.Body is { } body && acting.Seat is { } seat && acting.On is { } on && Limits.IsDate(on) && seat >= 1 && seat <= body.Definition.Seats &&
            body.HoldingOn(seat - 1, on) is { } holding && acting.Coalition.IsDelegate(holding.Holder, by));

    private static readonly Command<CoalitionGovernance, Acting> EstablishCommand = Who.Command(nameof(Establish), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> EstablishBodyCommand = Who.Command(nameof(EstablishBody), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> SetRuleCommand = Who.Command(nameof(SetRule), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> AssignChamberCommand = Who.Command(nameof(AssignChamber), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> AppointCommand = Who.Command(nameof(Appoint), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> ElectSeatsCommand = Who.Command(nameof(ElectSeats), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> VacateCommand = Who.Command(nameof(Vacate), ErrorCodes.Governance.NotAuthorized, ACoordinator, HolderOfSeat);
    private static readonly Command<CoalitionGovernance, Acting> AssignOfficeCommand = Who.Command(nameof(AssignOffice), ErrorCodes.Governance.NotAuthorized, ACoordinator, BodyConvenor);
    private static readonly Command<CoalitionGovernance, Acting> SetRotationCommand = Who.Command(nameof(SetRotation), ErrorCodes.Coalitions.NotACoordinator, ACoordinator);
    private static readonly Command<CoalitionGovernance, Acting> RotateCommand = Who.Command(nameof(Rotate), ErrorCodes.Governance.NotAuthorized, ACoordinator, HolderOfOffice, Permissions<CoalitionGovernance, Acting>.System);

    private readonly Dictionary<string, BodyState> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<MatterType, RuleBookEntry> _rules = [];
    private readonly System.Collections.ObjectModel.ReadOnlyDictionary<MatterType, RuleBookEntry> _ruleBook;
    private readonly Dictionary<PartnerId, (string Chamber, string? SubChamber)> _chamberOf = [];
    private IReadOnlyList<Chamber> _chambers = [];

    private CoalitionGovernance()
    {
        _ruleBook = new(_rules);
    }

    /// <summary>Gets the name of the template the governance started from.</summary>
    public string Template { get; private set; } = string.Empty;

    /// <summary>Gets what happens to the seats of suspended or lapsed members.</summary>
    public SeatPolicy SeatPolicy { get; private set; }

    /// <summary>Gets the bodies, in the order they were established.</summary>
    public IReadOnlyList<BodyDefinition> Bodies => _bodies.Values.Select(b => b.Definition).ToArray();

    /// <summary>Gets the rule book.</summary>
    public IReadOnlyDictionary<MatterType, RuleBookEntry> Rules => _ruleBook;

    /// <summary>Gets the chambers, for multi-stakeholder coalitions.</summary>
    public IReadOnlyList<Chamber> Chambers => _chambers;

    /// <inheritdoc />
    CoalitionId IRuleBook.Coalition => Id;

    /// <summary>
    /// Establishes a coalition's governance from a template: its bodies, rule book, seat policy and chambers, recorded
    /// together.
    /// </summary>
    /// <param name="coalition">The coalition, read for its coordinators; the governance takes its id.</param>
    /// <param name="template">The bodies (one to 50), rule book (a line per matter at most), seat policy and chambers (at most 20).</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the governance is established.</param>
    /// <returns>The governance.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator (<c>Coalitions.NotACoordinator</c>), or the template is incomplete or inconsistent
    /// (<c>Governance.InvalidTemplate</c>, <c>Governance.InvalidBody</c>, <c>Governance.UnknownBody</c>, <c>Governance.NotInMandate</c>, <c>Governance.InvalidChamber</c>).
    /// </exception>
    /// <example>
    /// <code>
    /// var governance = CoalitionGovernance.Establish(coalition, GovernanceTemplates.AdvocacyCoalition(), Actor.ForPerson(coordinator), now);
    /// </code>
    /// </example>
    public static CoalitionGovernance Establish(Coalition coalition, GovernanceTemplate template, Actor by, Instant at)
    {
        var governance = new CoalitionGovernance();
        Ensure.NotNull(coalition, nameof(coalition));
        EstablishCommand.Authorize(governance, by, at, new Acting(coalition), $"the governance of {coalition.Name}");
        GovernanceTemplateValidator.Instance.EnsureValid(template);
        foreach (var line in template.Rules)
        {
            CheckRule(line.Matter, line.Entry, template.Bodies.FirstOrDefault(b => b.Key == line.Entry.DecidingBody));
        }

        var id = coalition.Id;
        IDomainEvent[] events =
        [
            new GovernanceEstablished(id, template.Name.Trim(), template.SeatPolicy, template.Chambers.ToArray(), at, by),
            .. template.Bodies.Select(body => new BodyEstablished(id, Copy(body), null, at, by)),
            .. template.Rules.Select(line => new RuleBookEntrySet(id, line.Matter, line.Entry, null, at, by)),
        ];
        governance.Raise(events);
        return governance;
    }

    /// <summary>Rebuilds a governance from its events, checking that they form its history.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The governance.</returns>
    /// <exception cref="StoredEventException">The events are not the history of one governance (<c>Kernel.CorruptHistory</c>).</exception>
    public static CoalitionGovernance Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new CoalitionGovernance(), history);
    }

    /// <inheritdoc />
    public bool NamesRuleFor(MatterType matter) => _rules.ContainsKey(matter);

    /// <summary>Establishes a new body, by an adopted decision to amend the charter.</summary>
    /// <param name="body">The body.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the body is established; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, an invalid or duplicate body, 50 bodies already, or no such decision.</exception>
    public void EstablishBody(BodyDefinition body, DecisionReference decision, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        EstablishBodyCommand.Authorize(this, by, at, new Acting(coalition), Subject(coalition));
        BodyDefinitionValidator.Instance.EnsureValid(body);
        coalition.EnsureDecision(decision, MatterType.AmendCharter, at);
        if (_bodies.TryGetValue(body.Key.Value, out var existing))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidBody, "{coalition} already has a body with the key '{key}': {name}.", ("coalition", coalition.Name), ("key", body.Key), ("name", existing.Definition.Name));
        }

        if (_bodies.Count >= GovernanceRules.MaxBodies)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "{coalition} has {max} bodies, the most a coalition may have.", ("coalition", coalition.Name), ("max", GovernanceRules.MaxBodies));
        }

        Raise(new BodyEstablished(Id, Copy(body), decision, at, by));
    }

    /// <summary>Sets how a matter is decided, by an adopted decision to amend the charter: changing the rule book is itself a charter matter.</summary>
    /// <param name="matter">The matter.</param>
    /// <param name="entry">The deciding body, rule, right to propose and seconders (0 to 20).</param>
    /// <param name="decision">The decision.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the rule changes; after the decision.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, no such decision, an invalid entry, an unknown body, or a body whose mandate does not include the matter.</exception>
    public void SetRule(MatterType matter, RuleBookEntry entry, DecisionReference decision, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        SetRuleCommand.Authorize(this, by, at, new Acting(coalition), Subject(coalition));
        Ensure.Defined(matter, nameof(matter));
        RuleBookEntryValidator.Instance.EnsureValid(entry);
        coalition.EnsureDecision(decision, MatterType.AmendCharter, at);
        CheckRule(matter, entry, _bodies.TryGetValue(entry.DecidingBody.Value, out var body) ? body.Definition : null);
        Raise(new RuleBookEntrySet(Id, matter, entry, decision, at, by));
    }

    /// <summary>Assigns a member to a chamber (and sub-chamber) of a multi-stakeholder coalition.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="chamber">The chamber.</param>
    /// <param name="subChamber">The sub-chamber, where the chamber has them.</param>
    /// <param name="coalition">The coalition governed, read for the membership.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the member is assigned.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, not a member (<c>Membership.NotAMember</c>), or no such chamber or sub-chamber (<c>Governance.InvalidChamber</c>).</exception>
    public void AssignChamber(PartnerId partner, string chamber, string? subChamber, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        AssignChamberCommand.Authorize(this, by, at, new Acting(coalition), Subject(coalition));
        var member = MemberOf(partner, coalition);
        FreeText.Check(chamber, nameof(chamber), required: true, GovernanceRules.ChamberNameLength);
        FreeText.Check(subChamber, nameof(subChamber), required: false, GovernanceRules.ChamberNameLength);
        if (ChamberProblem(chamber, subChamber) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidChamber, "{member} cannot join the chamber '{chamber}'" + (subChamber is null ? string.Empty : " ('{sub}')") + " of {coalition}: " + problem, ("member", member.Name), ("chamber", chamber), ("sub", subChamber), ("coalition", coalition.Name));
        }

        Raise(new ChamberAssigned(Id, partner, chamber, subChamber, at, by));
    }

    /// <summary>The chamber (and sub-chamber) of a member, if assigned.</summary>
    /// <param name="partner">The member.</param>
    /// <returns>The chamber and sub-chamber, or <see langword="null"/>.</returns>
    public ChamberPlace? ChamberOf(PartnerId partner) => _chamberOf.TryGetValue(partner, out var c) ? new ChamberPlace(c.Chamber, c.SubChamber) : null;

    /// <summary>
    /// Appoints a member to a seat for a term starting on a date. An interim appointment fills a vacated seat for the
    /// rest of its term and does not count toward term limits.
    /// </summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="candidate">The member, with its profile (for reserved seats).</param>
    /// <param name="coalition">The coalition governed, read for the candidate's membership and rights.</param>
    /// <param name="from">The first day of the term: a date in the years 1900 to 2999.</param>
    /// <param name="interim">Whether this fills the rest of a vacated term.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the appointment is made.</param>
    /// <returns>The holding.</returns>
    /// <exception cref="CoalitionRuleException">
    /// Not a coordinator; an unknown body or seat, a candidate who may not hold office, a held or frozen seat, a second
    /// seat on the body, a reserved seat for another group, a term limit reached, or a term ending after 2999.
    /// </exception>
    /// <example>
    /// <code>
    /// governance.Appoint(GovernanceTemplates.Bodies.SteeringCommittee, 1, candidate, coalition, new LocalDate(2026, 4, 1), interim: true, Actor.ForPerson(coordinator), now);
    /// </code>
    /// </example>
    public SeatHolding Appoint(BodyKey body, int seat, PartnerSnapshot candidate, Coalition coalition, LocalDate from, bool interim, Actor by, Instant at)
    {
        Governed(coalition);
        AppointCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body)), Subject(coalition, body));
        PartnerSnapshotValidator.Instance.EnsureValid(candidate);
        Ensure.Date(from, nameof(from));
        var state = Body(body);
        var holding = PlanSeat(state, seat, candidate, coalition, from, interim, at);
        Raise(new SeatFilled(Id, body.Value, seat, holding, at, by));
        return holding;
    }

    /// <summary>
    /// Whether a member may stand for a seat on a body from a date: it must be able to hold office, not already sit on
    /// the body then, and not have reached the body's term limit. Checked when candidates are nominated, so an
    /// ineligible candidate never reaches the ballot.
    /// </summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="from">The first day of the term to be filled.</param>
    /// <param name="at">When the nomination is checked: the candidate's membership and rights are read at this instant.</param>
    /// <returns>The check.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, an unknown body, or an instant out of range.</exception>
    public RuleCheck CheckNomination(BodyKey body, PartnerId candidate, Coalition coalition, LocalDate from, Instant at)
    {
        Governed(coalition);
        var state = Body(body);
        var right = coalition.CheckRight(candidate, MemberRights.HoldOffice, at);
        if (!right.IsAllowed)
        {
            return RuleCheck.Refused(new RuleFailure(ErrorCodes.Governance.NotEligible, right.Failures[0].Template, right.Failures[0].Values));
        }

        var name = coalition.NameOf(candidate);
        if (Enumerable.Range(0, state.Definition.Seats).Any(i => state.HoldingOn(i, from)?.Holder == candidate && StateOf(state, i, coalition, from) != SeatState.Vacant))
        {
            return RuleCheck.Refused(ErrorCodes.Governance.AlreadySeated, "{member} already sits on {body} on {date}.", ("member", name), ("body", state.Definition.Name), ("date", from));
        }

        return state.Definition.MaxConsecutiveTerms is { } limit && ConsecutiveFullTerms(state, candidate, from) >= limit
            ? RuleCheck.Refused(ErrorCodes.Governance.TermLimitReached, "{member} has served {limit} consecutive terms on {body}, the most allowed.", ("member", name), ("limit", limit), ("body", state.Definition.Name))
            : RuleCheck.Allowed;
    }

    /// <summary>
    /// Nominates candidates for an election to a body: each must pass <see cref="CheckNomination"/>, so an ineligible
    /// candidate is refused here, before it can reach a ballot.
    /// </summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="candidates">The candidates, each once.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="from">The first day of the terms to be filled.</param>
    /// <param name="at">When the candidates are nominated: their membership and rights are read at this instant.</param>
    /// <returns>The election's options: one per candidate, keyed by the partner id, labelled with its name.</returns>
    /// <exception cref="CoalitionRuleException">A candidate is ineligible (<c>Governance.NotEligible</c>, <c>Governance.AlreadySeated</c>, <c>Governance.TermLimitReached</c>) or named twice.</exception>
    public IReadOnlyList<Polls.PollOption> Nominate(BodyKey body, IReadOnlyList<PartnerSnapshot> candidates, Coalition coalition, LocalDate from, Instant at)
    {
        Governed(coalition);
        var list = Ensure.Items(candidates, nameof(candidates), Limits.MaxItems);
        foreach (var candidate in list)
        {
            PartnerSnapshotValidator.Instance.EnsureValid(candidate);
            CheckNomination(body, candidate.Id, coalition, from, at).ThrowIfRefused();
        }

        Ensure.Ids(list.Select(c => c.Id), nameof(candidates), Limits.MaxItems);
        return list.Select(c => new Polls.PollOption(c.Id.ToString(), c.Profile.Name)).ToArray();
    }

    /// <summary>
    /// Fills a body's vacant seats with an election's winners, in the order they won: each takes a vacant reserved seat
    /// kept for its group if there is one, else a vacant unreserved seat. Every seat is decided before any is filled, so
    /// the election is recorded whole or refused whole.
    /// </summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="winners">The winners, in the order they won, with their profiles; each once.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="from">The first day of the new terms.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the result is recorded.</param>
    /// <returns>The seats filled, in winning order.</returns>
    /// <exception cref="CoalitionRuleException">Not a coordinator, a winner named twice or not eligible, or no vacant seat fits a winner.</exception>
    /// <example>
    /// <code>
    /// var result = election.Close(Actor.System("scheduler"), election.Deadline!.Value, seed: 2026);
    /// var winners = result.Winners.Select(key => candidates[key]).ToArray();   // the PartnerSnapshot of each winning option
    /// governance.ElectSeats(GovernanceTemplates.Bodies.SteeringCommittee, winners, coalition, new LocalDate(2026, 4, 1), Actor.ForPerson(coordinator), now);
    /// </code>
    /// </example>
    public IReadOnlyList<ElectedSeat> ElectSeats(BodyKey body, IReadOnlyList<PartnerSnapshot> winners, Coalition coalition, LocalDate from, Actor by, Instant at)
    {
        Governed(coalition);
        ElectSeatsCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body)), Subject(coalition, body));
        var list = Ensure.Items(winners, nameof(winners), BodyDefinition.MaxSeats);
        foreach (var winner in list)
        {
            PartnerSnapshotValidator.Instance.EnsureValid(winner);
        }

        Ensure.Date(from, nameof(from));
        var state = Body(body);
        var definition = state.Definition;
        if (list.Select(w => w.Id).Distinct().Count() != list.Count)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.AlreadySeated, "A member is among the winners twice; it takes at most one seat on {body}.", ("body", definition.Name));
        }

        var free = Enumerable.Range(1, definition.Seats).Where(seat => StateOf(state, seat - 1, coalition, from) == SeatState.Vacant && !state.Holdings[seat - 1].Any(h => h.From > from && WasHeld(h))).ToList();
        var seated = new List<(int Seat, SeatHolding Holding)>(list.Count);
        foreach (var winner in list)
        {
            CheckNomination(body, winner.Id, coalition, from, at).ThrowIfRefused();
            var chamber = ChamberOf(winner.Id)?.Chamber;
            var seat = free.Where(s => s <= definition.Reservations.Count && definition.Reservations[s - 1].Admits(winner.Profile, chamber))
                .Concat(free.Where(s => s > definition.Reservations.Count))
                .Cast<int?>()
                .FirstOrDefault() ?? throw CoalitionRuleException.Because(
                    ErrorCodes.Governance.ReservedSeat,
                    "No vacant seat of {body} is open to {member}: the remaining seats are reserved for other groups or taken.",
                    ("body", definition.Name), ("member", winner.Profile.Name));
            free.Remove(seat);
            seated.Add((seat, PlanSeat(state, seat, winner, coalition, from, interim: false, at)));
        }

        Raise(seated.Select(s => (IDomainEvent)new SeatFilled(Id, body.Value, s.Seat, s.Holding, at, by)).ToArray());
        return seated.Select(s => new ElectedSeat(s.Seat, s.Holding)).ToArray();
    }

    /// <summary>Vacates a held seat from a date (a resignation or removal); the term ends the day before.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="on">The first day the seat is vacant.</param>
    /// <param name="reason">Why, if said: at most 2,000 characters.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="by">A coordinator of the coalition, or the member holding the seat (resigning) through one of its delegates.</param>
    /// <param name="at">When the vacancy is recorded.</param>
    /// <exception cref="CoalitionRuleException">Not authorized (<c>Governance.NotAuthorized</c>), an unknown body or seat, or a seat not held on that date.</exception>
    public void Vacate(BodyKey body, int seat, LocalDate on, string? reason, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        VacateCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body), Seat: seat, On: on), Subject(coalition, body));
        Ensure.Date(on, nameof(on));
        FreeText.Check(reason, nameof(reason), required: false);
        var state = Body(body);
        EnsureSeat(state, seat);
        if (state.HoldingOn(seat - 1, on) is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.SeatVacant, "Seat {seat} of {body} is not held on {date}.", ("seat", seat), ("body", state.Definition.Name), ("date", on));
        }

        Raise(new SeatVacated(Id, body.Value, seat, on, reason, at, by));
    }

    /// <summary>Whether a seat is vacant, held or frozen on a date, under the seat policy.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="coalition">The coalition governed, read for the holder's membership.</param>
    /// <param name="on">The date.</param>
    /// <returns>The state and the holding, if any.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, an unknown body or no such seat (<c>Governance.NoSuchSeat</c>).</exception>
    public SeatStanding Seat(BodyKey body, int seat, Coalition coalition, LocalDate on)
    {
        Governed(coalition);
        var state = Body(body);
        EnsureSeat(state, seat);
        var seatState = StateOf(state, seat - 1, coalition, on);
        return new SeatStanding(seatState, seatState == SeatState.Vacant ? null : state.HoldingOn(seat - 1, on));
    }

    /// <summary>The members who sit on a body on a date: every voting member for an assembly, else the holders of held seats.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="at">The instant asked about: its date in the coalition's time zone decides who sits.</param>
    /// <returns>The members, in seat order (assembly: in the order they were invited).</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, an unknown body, or an instant out of range.</exception>
    public IReadOnlyList<PartnerId> SittingMembers(BodyKey body, Coalition coalition, Instant at)
    {
        Governed(coalition);
        var state = Body(body);
        var on = coalition.DateOf(at);
        if (state.Definition.IsOpenToAllMembers)
        {
            return coalition.Members.Where(m => m.Holds(MemberRights.Vote, coalition.Rights, on)).Select(m => m.Partner).ToArray();
        }

        return Enumerable.Range(0, state.Definition.Seats).Where(i => StateOf(state, i, coalition, on) == SeatState.Held).Select(i => state.HoldingOn(i, on)!.Holder).ToArray();
    }

    /// <summary>Assigns an office of a body to a member who sits on it and may hold office.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="office">The office.</param>
    /// <param name="partner">The member.</param>
    /// <param name="coalition">The coalition governed, read for membership and seats.</param>
    /// <param name="by">A coordinator of the coalition, or the body's convenor (the holder of its convening office, else its chair) through one of its member's delegates.</param>
    /// <param name="at">When the office is assigned.</param>
    /// <exception cref="CoalitionRuleException">Not authorized, an unknown body, an office the body does not have, or a member who does not sit on it or may not hold office.</exception>
    public void AssignOffice(BodyKey body, Office office, PartnerId partner, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        AssignOfficeCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body)), Subject(coalition, body));
        Ensure.Defined(office, nameof(office));
        var member = MemberOf(partner, coalition);
        var state = Body(body);
        EnsureMayHoldOffice(partner, coalition, at);
        if (!state.Definition.Offices.Contains(office) || !SittingMembers(body, coalition, at).Contains(partner))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidOffice, "{member} cannot be {office} of {body}: the body must have that office and the member must sit on it.", ("member", member.Name), ("office", office), ("body", state.Definition.Name));
        }

        Raise(new OfficeAssigned(Id, body.Value, office, partner, at, by));
    }

    /// <summary>The holder of an office, if assigned.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="office">The office.</param>
    /// <returns>The holder, or <see langword="null"/>.</returns>
    /// <exception cref="CoalitionRuleException">An unknown body (<c>Governance.UnknownBody</c>).</exception>
    public PartnerId? OfficeHolder(BodyKey body, Office office) => Body(body).Offices.TryGetValue(office, out var holder) ? holder : null;

    /// <summary>Sets the order in which an office rotates (for example the chair, yearly among steering members).</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="office">The office.</param>
    /// <param name="order">The members, in rotation order, each once: one to 500 members of the coalition.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="by">A coordinator of the coalition.</param>
    /// <param name="at">When the order is set.</param>
    /// <exception cref="CoalitionRuleException">Not a coordinator, an unknown body or office, an empty id, a partner who is not a member, or an empty or repeating order.</exception>
    public void SetRotation(BodyKey body, Office office, IReadOnlyList<PartnerId> order, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        SetRotationCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body)), Subject(coalition, body));
        Ensure.Defined(office, nameof(office));
        var list = Ensure.Items(order, nameof(order), GovernanceRules.MaxRotation);
        foreach (var partner in list)
        {
            MemberOf(partner, coalition);
        }

        var state = Body(body);
        if (!state.Definition.Offices.Contains(office) || list.Count == 0 || list.Distinct().Count() != list.Count)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidRotation, "A rotation of the {office} of {body} needs an office the body has and an order listing each member once.", ("office", office), ("body", state.Definition.Name));
        }

        Raise(new RotationSet(Id, body.Value, office, list.ToArray(), at, by));
    }

    /// <summary>Passes an office to the next member in its rotation order who sits on the body and may hold office.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="office">The office.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="by">A coordinator of the coalition, the office's holder through one of its member's delegates, or the host system rotating on schedule.</param>
    /// <param name="at">When the office passes on.</param>
    /// <returns>The new holder.</returns>
    /// <exception cref="CoalitionRuleException">Not authorized, no rotation is set, or nobody else in it is eligible (<c>Governance.NoEligibleRotation</c>).</exception>
    public PartnerId Rotate(BodyKey body, Office office, Coalition coalition, Actor by, Instant at)
    {
        Governed(coalition);
        RotateCommand.Authorize(this, by, at, new Acting(coalition, BodyOrNull(body), office), Subject(coalition, body));
        Ensure.Defined(office, nameof(office));
        var state = Body(body);
        if (!state.Rotation.TryGetValue(office, out var order))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidRotation, "No rotation is set for the {office} of {body}.", ("office", office), ("body", state.Definition.Name));
        }

        var sitting = SittingMembers(body, coalition, at).ToHashSet();
        var current = state.Offices.TryGetValue(office, out var holder) ? order.ToList().IndexOf(holder) : -1;
        for (var step = 1; step <= order.Count; step++)
        {
            var next = order[(current + step + order.Count) % order.Count];
            if ((current < 0 || next != holder) && sitting.Contains(next) && coalition.CheckRight(next, MemberRights.HoldOffice, at).IsAllowed)
            {
                Raise(new OfficeAssigned(Id, body.Value, office, next, at, by));
                return next;
            }
        }

        throw CoalitionRuleException.Because(ErrorCodes.Governance.NoEligibleRotation, "Nobody else in the rotation of the {office} of {body} sits on it and may hold office.", ("office", office), ("body", state.Definition.Name));
    }

    /// <summary>The date of a body's next meeting after a date, by its cadence, and the office that convenes it.</summary>
    /// <param name="body">The body's key, such as <see cref="GovernanceTemplates.Bodies.SteeringCommittee"/>; a string converts to it. An unknown key is refused (<c>Governance.UnknownBody</c>).</param>
    /// <param name="after">The date of the last meeting.</param>
    /// <returns>The next date and the convenor's office; <see langword="null"/> for a body without a cadence.</returns>
    /// <exception cref="CoalitionRuleException">An unknown body, or a next meeting after 2999 (<c>Kernel.OutOfRange</c>).</exception>
    public NextMeetingDate? NextMeeting(BodyKey body, LocalDate after)
    {
        var definition = Body(body).Definition;
        return definition.MeetingCadence is { } cadence ? new NextMeetingDate(Ensure.Plus(Ensure.Date(after, nameof(after)), cadence, "next meeting"), definition.Convenor) : null;
    }

    /// <summary>Whether a member may propose on a matter now, with the reason if not.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="matter">The matter.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="at">When the member would propose: its membership and rights are read at this instant.</param>
    /// <returns>The check.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, or an instant out of range.</exception>
    public RuleCheck CheckProposer(PartnerId partner, MatterType matter, Coalition coalition, Instant at)
    {
        Governed(coalition);
        if (!_rules.TryGetValue(matter, out var entry))
        {
            return RuleCheck.Refused(ErrorCodes.Governance.NoRule, "The rule book of {coalition} has no entry for the matter {matter}.", ("coalition", coalition.Name), ("matter", matter));
        }

        var right = coalition.CheckRight(partner, entry.RightToPropose, at);
        return right.IsAllowed
            ? right
            : RuleCheck.Refused(ErrorCodes.Governance.MayNotPropose, "{member} may not propose on the matter {matter}: {reason}", ("member", coalition.NameOf(partner)), ("matter", matter), ("reason", right.Failures[0].Message));
    }

    /// <summary>
    /// A proposal draft for a matter, with the rule and seconders the rule book sets; the proposer must hold the right to
    /// propose on it.
    /// </summary>
    /// <param name="matter">The matter.</param>
    /// <param name="title">The title.</param>
    /// <param name="text">The text.</param>
    /// <param name="proposer">The proposing member.</param>
    /// <param name="facilitators">The people who will open and close voting (usually the deciding body's chair and secretary).</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="at">When the draft is made: the proposer's right to propose is read at this instant.</param>
    /// <returns>The draft, ready for <see cref="Proposal.Draft"/>.</returns>
    /// <exception cref="CoalitionRuleException">No rule for the matter, or the member may not propose on it.</exception>
    public ProposalDraft DraftFor(MatterType matter, string title, string text, PartnerId proposer, IReadOnlyList<PersonId> facilitators, Coalition coalition, Instant at)
    {
        CheckProposer(proposer, matter, coalition, at).ThrowIfRefused();
        var entry = _rules[matter];
        return new ProposalDraft(coalition.Id, matter, title, text, proposer, entry.Rule, facilitators, entry.SecondersRequired);
    }

    /// <summary>
    /// The electorate for a matter at an instant: the deciding body's voting members (every voting member for an
    /// assembly, the holders of held seats otherwise), with their weights, chambers, vetoes and delegates, less
    /// those recused.
    /// </summary>
    /// <param name="matter">The matter.</param>
    /// <param name="coalition">The coalition governed.</param>
    /// <param name="at">When voting opens.</param>
    /// <param name="recused">Members recused for a conflict of interest.</param>
    /// <param name="names">Display names for explanations; otherwise each member's name.</param>
    /// <returns>The electorate.</returns>
    /// <exception cref="CoalitionRuleException">Another coalition, no rule for the matter, or a chamber vote with a voter outside every chamber.</exception>
    /// <example>
    /// <code>
    /// proposal.OpenVoting(governance.ElectorateFor(MatterType.AdmitMember, coalition, now), Actor.ForPerson(chair), now);
    /// </code>
    /// </example>
    public Electorate ElectorateFor(MatterType matter, Coalition coalition, Instant at, IReadOnlyCollection<PartnerId>? recused = null, Func<PartnerId, string?>? names = null)
    {
        Governed(coalition);
        if (!_rules.TryGetValue(matter, out var entry))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.NoRule, "The rule book of {coalition} has no entry for the matter {matter}.", ("coalition", coalition.Name), ("matter", matter));
        }

        var sitting = SittingMembers(entry.DecidingBody, coalition, at).ToHashSet();
        var voters = coalition.VotersFor(matter, at, names)
            .Where(v => sitting.Contains(v.Partner) && recused?.Contains(v.Partner) != true)
            .ToArray();
        var allAssigned = _chambers.Count > 0 && voters.All(v => _chamberOf.ContainsKey(v.Partner));
        if (entry.Rule.Method == DecisionMethod.ChamberVote && !allAssigned)
        {
            var missing = voters.FirstOrDefault(v => !_chamberOf.ContainsKey(v.Partner));
            throw CoalitionRuleException.Because(ErrorCodes.Governance.InvalidChamber, "The matter {matter} is decided by a chamber vote, but {member} has no chamber.", ("matter", matter), ("member", missing?.DisplayName ?? coalition.Name));
        }

        return allAssigned
            ? new Electorate(voters.Select(v => new Voter(v.Partner, v.Representatives, v.Weight, _chamberOf[v.Partner].Chamber, _chamberOf[v.Partner].SubChamber, v.HasVeto, v.Name)).ToArray(), _chambers)
            : new Electorate(voters);
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is GovernanceEstablished;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => domainEvent switch
    {
        GovernanceEstablished e when FreeText.Problem(e.Template, true, Limits.NameLength) is not null || !FreeText.IsSingleLine(e.Template) => "the template's name must be one line of at most 200 characters.",
        GovernanceEstablished e when !ChamberValidator.Instance.Validate(e.Chambers).IsValid => "the chambers are ill-formed.",
        BodyEstablished e when _bodies.ContainsKey(e.Body.Key.Value) => "a body with that key already exists.",
        BodyEstablished when _bodies.Count >= GovernanceRules.MaxBodies => "the governance has as many bodies as it may.",
        BodyEstablished e when !BodyDefinitionValidator.Instance.Validate(e.Body).IsValid => "the body is ill-formed.",
        RuleBookEntrySet e when !RuleBookEntryValidator.Instance.Validate(e.Entry).IsValid => "the rule-book line is ill-formed.",
        RuleBookEntrySet e when !_bodies.TryGetValue(e.Entry.DecidingBody.Value, out var body) || !body.Definition.Mandate.Contains(e.Matter) => "the deciding body does not exist or does not decide the matter.",
        ChamberAssigned e when ChamberProblem(e.Chamber, e.SubChamber) is { } problem => problem,
        SeatFilled e when SeatProblem(e.Body, e.Seat) is { } problem => problem,
        SeatFilled e when !Limits.IsDate(e.Holding.From) || !Limits.IsDate(e.Holding.To) || e.Holding.From > e.Holding.To => "the term must run forward, within the years 1900 to 2999.",
        SeatVacated e when SeatProblem(e.Body, e.Seat) is { } problem => problem,
        SeatVacated e when _bodies[e.Body].HoldingOn(e.Seat - 1, e.On) is null => "the seat is not held on that date.",
        SeatVacated e when !Limits.IsDate(e.On) => "the date lies outside the years 1900 to 2999.",
        OfficeAssigned e when !_bodies.TryGetValue(e.Body, out var body) || !body.Definition.Offices.Contains(e.Office) => "the body does not exist or has no such office.",
        RotationSet e when !_bodies.TryGetValue(e.Body, out var body) || !body.Definition.Offices.Contains(e.Office) => "the body does not exist or has no such office.",
        RotationSet e when e.Order.Count is 0 or > GovernanceRules.MaxRotation || e.Order.Distinct().Count() != e.Order.Count => "the rotation order must list one to 500 members, each once.",
        _ => null,
    };

    /// <inheritdoc />
    protected override void Apply(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case GovernanceEstablished e:
                Id = e.Coalition;
                Template = e.Template;
                SeatPolicy = e.SeatPolicy;
                _chambers = e.Chambers;
                break;
            case BodyEstablished e:
                _bodies[e.Body.Key.Value] = new BodyState(e.Body);
                break;
            case RuleBookEntrySet e:
                _rules[e.Matter] = e.Entry;
                break;
            case ChamberAssigned e:
                _chamberOf[e.Partner] = (e.Chamber, e.SubChamber);
                break;
            case SeatFilled e:
                _bodies[e.Body].Holdings[e.Seat - 1].Add(e.Holding);
                _bodies[e.Body].History.Add((e.Seat, e.Holding, true));
                break;
            case SeatVacated e:
                VacateSeat(_bodies[e.Body], e.Seat, e.On);
                break;
            case OfficeAssigned e:
                _bodies[e.Body].Offices[e.Office] = e.Partner;
                break;
            case RotationSet e:
                _bodies[e.Body].Rotation[e.Office] = e.Order;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }

    // The term covering the date ends the day before; the holder's later terms on that seat, scheduled in
    // advance, are cancelled with it: a member who leaves a seat leaves its future terms too.
    private static void VacateSeat(BodyState body, int seat, LocalDate on)
    {
        var holdings = body.Holdings[seat - 1];
        var index = holdings.FindLastIndex(h => h.From <= on && on <= h.To);
        var vacated = holdings[index];
        var cut = vacated with { To = on.PlusDays(-1) };
        holdings[index] = cut;
        body.History[body.History.FindLastIndex(h => h.Seat == seat && h.Holding == vacated)] = (seat, cut, false);
        holdings.RemoveAll(h => h.Holder == vacated.Holder && h.From > on);
        body.History.RemoveAll(h => h.Seat == seat && h.Holding.Holder == vacated.Holder && h.Holding.From > on);
        body.Vacancies[seat - 1].Add((on, vacated.To));
    }

    // Copies of the host's lists: a list the host changes later must not change the body established.
    private static BodyDefinition Copy(BodyDefinition body) =>
        body with { Mandate = [.. body.Mandate], Reservations = [.. body.Reservations], Offices = [.. body.Offices] };

    private static void CheckRule(MatterType matter, RuleBookEntry entry, BodyDefinition? body)
    {
        if (body is null)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.UnknownBody, "The rule for the matter {matter} names '{body}', which is not a body of this coalition.", ("matter", matter), ("body", entry.DecidingBody));
        }

        if (!body.Mandate.Contains(matter))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.NotInMandate, "{body} does not decide the matter {matter}: it is not in its mandate.", ("body", body.Name), ("matter", matter));
        }
    }

    // A holding vacated on its first day ends the day before it began: it was never held. Planning a seat, electing to
    // it and counting terms all pass over it.
    private static bool WasHeld(SeatHolding holding) => holding.From <= holding.To;

    // Consecutive full terms ending the day before 'from' (interim terms neither count nor break the chain). A holding
    // that was never held (above) neither counts nor chains. (Taken
    // as a link, it led back to the same day for ever: appointing, vacating on the first day and appointing the same
    // member again from that day hung the command.) Every link found begins no later than it ends, so the walk moves
    // back in time and ends.
    private static int ConsecutiveFullTerms(BodyState state, PartnerId partner, LocalDate from)
    {
        var count = 0;
        var day = from.PlusDays(-1);
        while (state.History.LastOrDefault(h => h.Holding.Holder == partner && h.Holding.To == day && WasHeld(h.Holding)) is { Holding: not null } previous)
        {
            count += previous.Holding.Interim || !previous.Full ? 0 : 1;
            day = previous.Holding.From.PlusDays(-1);
        }

        return count;
    }

    private static void EnsureMayHoldOffice(PartnerId partner, Coalition coalition, Instant at)
    {
        var check = coalition.CheckRight(partner, MemberRights.HoldOffice, at);
        if (!check.IsAllowed)
        {
            throw new CoalitionRuleException([new RuleFailure(ErrorCodes.Governance.NotEligible, check.Failures[0].Template, check.Failures[0].Values)]);
        }
    }

    private static void EnsureSeat(BodyState state, int seat)
    {
        if (seat < 1 || seat > state.Definition.Seats)
        {
            throw CoalitionRuleException.Because(
                ErrorCodes.Governance.NoSuchSeat,
                state.Definition.Seats == 0 ? "{body} is an assembly of all voting members; it has no seats." : "{body} has seats 1 to {seats}; there is no seat {seat}.",
                ("body", state.Definition.Name), ("seats", state.Definition.Seats), ("seat", seat));
        }
    }

    private static Membership MemberOf(PartnerId partner, Coalition coalition)
    {
        Ensure.Id(partner, nameof(partner));
        return coalition.TryGetMembership(partner, out var membership)
            ? membership
            : throw CoalitionRuleException.Because(ErrorCodes.Membership.NotAMember, "Partner {partner} has no membership of {coalition}.", ("partner", partner), ("coalition", coalition.Name));
    }

    // Decides one seat's holding without raising anything: the checks of an appointment, and the term it fills.
    private SeatHolding PlanSeat(BodyState state, int seat, PartnerSnapshot candidate, Coalition coalition, LocalDate from, bool interim, Instant at)
    {
        var definition = state.Definition;
        EnsureSeat(state, seat);
        EnsureMayHoldOffice(candidate.Id, coalition, at);
        var name = candidate.Profile.Name;
        var seatState = StateOf(state, seat - 1, coalition, from);
        if (seatState != SeatState.Vacant)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.SeatTaken, "Seat {seat} of {body} is {state} on {date}.", ("seat", seat), ("body", definition.Name), ("state", seatState), ("date", from));
        }

        if (state.Holdings[seat - 1].Any(h => h.From > from && WasHeld(h)))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.SeatTaken, "Seat {seat} of {body} already has a later term scheduled.", ("seat", seat), ("body", definition.Name));
        }

        if (seat <= definition.Reservations.Count && !definition.Reservations[seat - 1].Admits(candidate.Profile, ChamberOf(candidate.Id)?.Chamber))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.ReservedSeat, "Seat {seat} of {body} is reserved for {group}; {member} is not.", ("seat", seat), ("body", definition.Name), ("group", definition.Reservations[seat - 1].Describe()), ("member", name));
        }

        // The rest of the seat's term: a holder who lost the seat under the policy, or a seat vacated early.
        var remaining = state.HoldingOn(seat - 1, from)?.To;
        foreach (var (vacantFrom, vacantTo) in state.Vacancies[seat - 1])
        {
            remaining ??= vacantFrom <= from && from <= vacantTo ? vacantTo : null;
        }

        interim &= remaining is not null;
        var to = interim ? remaining!.Value : Ensure.Plus(Ensure.Plus(from, definition.TermLength, "the term's end"), Period.FromDays(-1), "the term's end");
        if (!interim && definition.MaxConsecutiveTerms is { } limit && ConsecutiveFullTerms(state, candidate.Id, from) >= limit)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Governance.TermLimitReached, "{member} has served {limit} consecutive terms on {body}, the most allowed.", ("member", name), ("limit", limit), ("body", definition.Name));
        }

        // One seat per member on a body, over the whole new term, not only its first day.
        for (var other = 0; other < definition.Seats; other++)
        {
            if (other != seat - 1 && state.Holdings[other].Any(h => h.Holder == candidate.Id && h.From <= to && h.To >= from && WasHeld(h)))
            {
                throw CoalitionRuleException.Because(ErrorCodes.Governance.AlreadySeated, "{member} already holds seat {other} of {body} during that term.", ("member", name), ("other", other + 1), ("body", definition.Name));
            }
        }

        return new SeatHolding(candidate.Id, from, to, interim);
    }

    private SeatState StateOf(BodyState body, int index, Coalition coalition, LocalDate on)
    {
        if (body.HoldingOn(index, on) is not { } holding || !coalition.TryGetMembership(holding.Holder, out var membership))
        {
            return SeatState.Vacant;
        }

        return membership.StatusOn(on) switch
        {
            MembershipStatus.Active when membership.Holds(MemberRights.HoldOffice, coalition.Rights, on) => SeatState.Held,
            MembershipStatus.Suspended or MembershipStatus.Lapsed when SeatPolicy == SeatPolicy.Freeze => SeatState.Frozen,
            _ => SeatState.Vacant,
        };
    }

    // A governance reads only the coalition it governs; another would answer for the wrong members and coordinators.
    private void Governed(Coalition coalition)
    {
        Ensure.NotNull(coalition, nameof(coalition));
        if (coalition.Id != Id)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Coalitions.OtherCoalition, "This governance belongs to another coalition than {coalition}.", ("coalition", coalition.Name));
        }
    }

    private string? ChamberProblem(string? chamber, string? subChamber)
    {
        var found = _chambers.FirstOrDefault(c => string.Equals(c.Name, chamber, StringComparison.Ordinal));
        if (found is null)
        {
            return "there is no such chamber.";
        }

        return (found.SubChambers.Count == 0 ? subChamber is null : found.SubChambers.Any(s => string.Equals(s.Name, subChamber, StringComparison.Ordinal)))
            ? null
            : found.SubChambers.Count == 0 ? "the chamber has no sub-chambers." : "it needs one of the chamber's sub-chambers.";
    }

    private string? SeatProblem(string body, int seat) =>
        !_bodies.TryGetValue(body, out var state) ? "the body does not exist." :
        seat < 1 || seat > state.Definition.Seats ? "the body has no such seat." : null;

    private string Subject(Coalition coalition, string? body = null) =>
        BodyOrNull(body) is { } state ? $"the {state.Definition.Name} of {coalition.Name}" : $"the governance of {coalition.Name}";

    private string Subject(Coalition coalition, BodyKey body) => Subject(coalition, body.Value);

    private BodyState? BodyOrNull(BodyKey key) => BodyOrNull(key.Value);

    private BodyState? BodyOrNull(string? key) => key is not null && _bodies.TryGetValue(key, out var body) ? body : null;

    private BodyState Body(BodyKey key) => Body(key.Value);

    private BodyState Body(string? key) =>
        BodyOrNull(key) ?? throw CoalitionRuleException.Because(
            ErrorCodes.Governance.UnknownBody,
            "There is no body with the key '{key}'.",
            ("key", key is { Length: > Limits.KeyLength } ? key[..Limits.KeyLength] + "…" : key));

    private sealed class BodyState(BodyDefinition definition)
    {
        public BodyDefinition Definition { get; } = definition;

        // Per seat, every holding in the order appointed: the holding on a date is the latest one covering it,
        // so a term can be filled in advance while the current one runs.
        public List<SeatHolding>[] Holdings { get; } = Enumerable.Range(0, definition.Seats).Select(_ => new List<SeatHolding>()).ToArray();

        // Per seat, the spans left vacant by early departures, for interim appointments to the rest of a term.
        public List<(LocalDate From, LocalDate To)>[] Vacancies { get; } = Enumerable.Range(0, definition.Seats).Select(_ => new List<(LocalDate, LocalDate)>()).ToArray();

        public List<(int Seat, SeatHolding Holding, bool Full)> History { get; } = [];

        public Dictionary<Office, PartnerId> Offices { get; } = [];

        public Dictionary<Office, IReadOnlyList<PartnerId>> Rotation { get; } = [];

        public SeatHolding? HoldingOn(int seat, LocalDate on) => Holdings[seat].LastOrDefault(h => h.From <= on && on <= h.To);
    }

    // What a command tells the authorization check besides the actor: the coalition governed (for its coordinators
    // and members' delegates), and the body, office, seat and date the command concerns.
    private readonly record struct Acting(Coalition Coalition, BodyState? Body = null, Office? Office = null, int? Seat = null, LocalDate? On = null);
}
