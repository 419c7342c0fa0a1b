using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Membership;
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
/// <para>One governance per coalition, keyed by the coalition's id, in a stream of its own. Commands that depend
/// on membership (who may hold office, who is suspended) take the <see cref="Coalition"/> as read-only input.</para>
/// <para>The seats of a suspended or lapsed member follow the rule book's <see cref="SeatPolicy"/>, computed on
/// every read and check from the member's status, so suspending a member needs no event here. A member that
/// withdraws or is expelled always leaves its seats vacant. Changing bodies or the rule book is a charter
/// matter: it cites an adopted decision to amend the charter.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: load one instance per unit of work.</threadsafety>
public sealed class Governance : AggregateRoot<CoalitionId>
{
    private readonly Dictionary<string, BodyState> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<MatterType, RuleBookEntry> _rules = [];
    private readonly Dictionary<PartnerId, (string Chamber, string? SubChamber)> _chamberOf = [];
    private IReadOnlyList<Chamber> _chambers = [];

    private Governance()
    {
    }

    /// <summary>Gets the name of the template the governance started from.</summary>
    public string Template { get; private set; } = string.Empty;

    /// <summary>Gets what happens to the seats of suspended or lapsed members.</summary>
    public SeatPolicy SeatPolicy { get; private set; }

    /// <summary>Gets the bodies, in the order they were established.</summary>
    public IReadOnlyList<BodyDefinition> Bodies => _bodies.Values.Select(b => b.Definition).ToArray();

    /// <summary>Gets the rule book.</summary>
    public IReadOnlyDictionary<MatterType, RuleBookEntry> Rules => _rules;

    /// <summary>Gets the chambers, for multi-stakeholder coalitions.</summary>
    public IReadOnlyList<Chamber> Chambers => _chambers;

    /// <summary>Establishes a coalition's governance from a template.</summary>
    /// <param name="coalition">The coalition.</param>
    /// <param name="template">The bodies, rule book, seat policy and chambers.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The governance.</returns>
    /// <exception cref="CoalitionRuleException">The template is inconsistent (<c>Governance.InvalidTemplate</c>, <c>Governance.InvalidBody</c>, <c>Governance.NotInMandate</c>).</exception>
    public static Governance Establish(CoalitionId coalition, GovernanceTemplate template, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(template, nameof(template));
        Preconditions.CheckNotNull(by, nameof(by));
        if (string.IsNullOrWhiteSpace(template.Name) || template.Bodies.Select(b => b.Key).Distinct(StringComparer.Ordinal).Count() != template.Bodies.Count ||
            template.Rules.Select(r => r.Matter).Distinct().Count() != template.Rules.Count || !Enum.IsDefined(template.SeatPolicy))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidTemplate, $"Template '{template.Name}' needs a name, unique body keys, one rule-book line per matter and a seat policy.");
        }

        foreach (var body in template.Bodies)
        {
            BodyDefinitionValidator.Instance.EnsureValid(body);
        }

        foreach (var line in template.Rules)
        {
            CheckRule(line.Matter, line.Entry, template.Bodies.FirstOrDefault(b => b.Key == line.Entry.DecidingBody));
        }

        _ = new Electorate([], template.Chambers);
        var governance = new Governance();
        governance.Raise(new GovernanceEstablished(coalition, template.Name, template.SeatPolicy, template.Chambers.ToArray(), at, by));
        foreach (var body in template.Bodies)
        {
            governance.Raise(new BodyEstablished(coalition, body, null, at, by));
        }

        foreach (var line in template.Rules)
        {
            governance.Raise(new RuleBookEntrySet(coalition, line.Matter, line.Entry, null, at, by));
        }

        return governance;
    }

    /// <summary>Rebuilds a governance from its events, without checks.</summary>
    /// <param name="history">The events, oldest first.</param>
    /// <returns>The governance.</returns>
    public static Governance Rehydrate(IEnumerable<IDomainEvent> history)
    {
        return Rebuild(new Governance(), history);
    }

    /// <summary>Establishes a new body, by an adopted decision to amend the charter.</summary>
    /// <param name="body">The body.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An invalid or duplicate body, or no such decision.</exception>
    public void EstablishBody(BodyDefinition body, DecisionReference decision, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(body, nameof(body));
        EnsureCharterDecision(decision);
        BodyDefinitionValidator.Instance.EnsureValid(body);
        if (_bodies.ContainsKey(body.Key))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidBody, $"A body with the key '{body.Key}' already exists.");
        }

        Raise(new BodyEstablished(Id, body, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Sets how a matter is decided, by an adopted decision to amend the charter: changing the rule book is itself a charter matter.</summary>
    /// <param name="matter">The matter.</param>
    /// <param name="entry">The deciding body, rule, right to propose and seconders.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such decision, an unknown body, or a body whose mandate does not include the matter.</exception>
    public void SetRule(MatterType matter, RuleBookEntry entry, DecisionReference decision, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(entry, nameof(entry));
        EnsureCharterDecision(decision);
        CheckRule(matter, entry, _bodies.TryGetValue(entry.DecidingBody, out var body) ? body.Definition : null);
        Raise(new RuleBookEntrySet(Id, matter, entry, decision, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Assigns a member to a chamber (and sub-chamber) of a multi-stakeholder coalition.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="chamber">The chamber.</param>
    /// <param name="subChamber">The sub-chamber, where the chamber has them.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">No such chamber or sub-chamber (<c>Governance.InvalidChamber</c>).</exception>
    public void AssignChamber(PartnerId partner, string chamber, string? subChamber, Actor by, Instant at)
    {
        var found = _chambers.FirstOrDefault(c => c.Name == chamber);
        var subOk = found is not null && (found.SubChambers.Count == 0 ? subChamber is null : found.SubChambers.Any(s => s.Name == subChamber));
        if (!subOk)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidChamber, $"'{chamber}'/'{subChamber}' is not a chamber (and sub-chamber) of this coalition.");
        }

        Raise(new ChamberAssigned(Id, partner, chamber, subChamber, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>The chamber (and sub-chamber) of a member, if assigned.</summary>
    /// <param name="partner">The member.</param>
    /// <returns>The chamber and sub-chamber, or <see langword="null"/>.</returns>
    public (string Chamber, string? SubChamber)? ChamberOf(PartnerId partner) => _chamberOf.TryGetValue(partner, out var c) ? c : null;

    /// <summary>
    /// Appoints a member to a seat for a term starting on a date. An interim appointment fills a vacated seat for the
    /// rest of its term and does not count toward term limits.
    /// </summary>
    /// <param name="body">The body's key.</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="candidate">The member, with its profile (for reserved seats).</param>
    /// <param name="coalition">The coalition, read for the candidate's membership and rights.</param>
    /// <param name="from">The first day of the term.</param>
    /// <param name="interim">Whether this fills the rest of a vacated term.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The holding.</returns>
    /// <exception cref="CoalitionRuleException">
    /// An unknown body or seat, a candidate who may not hold office, a held or frozen seat, a second seat on the body,
    /// a reserved seat for another group, or a term limit reached.
    /// </exception>
    public SeatHolding Appoint(string body, int seat, PartnerSnapshot candidate, Coalition coalition, LocalDate from, bool interim, Actor by, Instant at)
    {
        Preconditions.CheckNotNull(candidate, nameof(candidate));
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        Preconditions.CheckNotNull(by, nameof(by));
        var state = Body(body);
        var definition = state.Definition;
        if (seat < 1 || seat > definition.Seats)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.NoSuchSeat, $"{definition.Name} has seats 1 to {definition.Seats}; there is no seat {seat}.");
        }

        EnsureMayHoldOffice(candidate.Id, coalition, at);
        if (StateOf(state, seat - 1, coalition, from) != SeatState.Vacant)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.SeatTaken, $"Seat {seat} of {definition.Name} is {StateOf(state, seat - 1, coalition, from)} on {from}.");
        }

        if (state.Holdings[seat - 1].Any(h => h.From > from && h.To >= h.From))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.SeatTaken, $"Seat {seat} of {definition.Name} already has a later term scheduled.");
        }

        if (seat <= definition.Reservations.Count && !definition.Reservations[seat - 1].Admits(candidate.Profile, ChamberOf(candidate.Id)?.Chamber))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.ReservedSeat, $"Seat {seat} of {definition.Name} is reserved for {definition.Reservations[seat - 1].Describe()}; {candidate.Profile.Name} is not.");
        }

        // The rest of the seat's term: a holder who lost the seat under the policy, or a seat vacated early.
        var remaining = state.HoldingOn(seat - 1, from)?.To;
        foreach (var (vacantFrom, vacantTo) in state.Vacancies[seat - 1])
        {
            remaining ??= vacantFrom <= from && from <= vacantTo ? vacantTo : null;
        }

        interim &= remaining is not null;
        var to = interim ? remaining!.Value : from.Plus(definition.TermLength).PlusDays(-1);
        if (!interim && definition.MaxConsecutiveTerms is { } limit && ConsecutiveFullTerms(state, candidate.Id, from) >= limit)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.TermLimitReached, $"{candidate.Profile.Name} has served {limit} consecutive terms on {definition.Name}, the most allowed.");
        }

        // One seat per member on a body, over the whole new term, not only its first day.
        for (var other = 0; other < definition.Seats; other++)
        {
            if (other != seat - 1 && state.Holdings[other].Any(h => h.Holder == candidate.Id && h.From <= to && h.To >= from && h.To >= h.From))
            {
                throw new CoalitionRuleException(ErrorCodes.Governance.AlreadySeated, $"{candidate.Profile.Name} already holds seat {other + 1} of {definition.Name} during that term.");
            }
        }

        var holding = new SeatHolding(candidate.Id, from, to, interim);
        Raise(new SeatFilled(Id, body, seat, holding, at, by));
        return holding;
    }

    /// <summary>
    /// Whether a member may stand for a seat on a body from a date: it must be able to hold office, not already sit on
    /// the body then, and not have reached the body's term limit. Checked when candidates are nominated, so an
    /// ineligible candidate never reaches the ballot.
    /// </summary>
    /// <param name="body">The body's key.</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="from">The first day of the term to be filled.</param>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CheckNomination(string body, PartnerId candidate, Coalition coalition, LocalDate from, Instant at)
    {
        var state = Body(body);
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        var right = coalition.CheckRight(candidate, MemberRights.HoldOffice, at);
        if (!right.IsAllowed)
        {
            return RuleCheck.Refused(ErrorCodes.Governance.NotEligible, right.Failures[0].Message);
        }

        if (Enumerable.Range(0, state.Definition.Seats).Any(i => state.HoldingOn(i, from)?.Holder == candidate && StateOf(state, i, coalition, from) != SeatState.Vacant))
        {
            return RuleCheck.Refused(ErrorCodes.Governance.AlreadySeated, $"{candidate} already sits on {state.Definition.Name} on {from}.");
        }

        return state.Definition.MaxConsecutiveTerms is { } limit && ConsecutiveFullTerms(state, candidate, from) >= limit
            ? RuleCheck.Refused(ErrorCodes.Governance.TermLimitReached, $"{candidate} has served {limit} consecutive terms on {state.Definition.Name}.")
            : RuleCheck.Allowed;
    }

    /// <summary>
    /// Nominates candidates for an election to a body: each must pass <see cref="CheckNomination"/>, so an ineligible
    /// candidate is refused here, before it can reach a ballot.
    /// </summary>
    /// <param name="body">The body's key.</param>
    /// <param name="candidates">The candidates.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="from">The first day of the terms to be filled.</param>
    /// <param name="at">When.</param>
    /// <returns>The election's options: one per candidate, keyed by the partner id, labelled with its name.</returns>
    /// <exception cref="CoalitionRuleException">A candidate is ineligible (<c>Governance.NotEligible</c>, <c>Governance.AlreadySeated</c>, <c>Governance.TermLimitReached</c>).</exception>
    public IReadOnlyList<Polls.PollOption> Nominate(string body, IReadOnlyList<PartnerSnapshot> candidates, Coalition coalition, LocalDate from, Instant at)
    {
        Preconditions.CheckNotNull(candidates, nameof(candidates));
        foreach (var candidate in candidates)
        {
            CheckNomination(body, candidate.Id, coalition, from, at).ThrowIfRefused();
        }

        return candidates.Select(c => new Polls.PollOption(c.Id.ToString(), c.Profile.Name)).ToArray();
    }

    /// <summary>
    /// Fills a body's vacant seats with an election's winners, in the order they won: each takes a vacant reserved seat
    /// kept for its group if there is one, else a vacant unreserved seat. Refused as a whole if any winner cannot be
    /// seated.
    /// </summary>
    /// <param name="body">The body's key.</param>
    /// <param name="winners">The winners, in the order they won, with their profiles.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="from">The first day of the new terms.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The seats filled, in winning order.</returns>
    /// <exception cref="CoalitionRuleException">A winner is not eligible, or no vacant seat fits a winner.</exception>
    public IReadOnlyList<(int Seat, SeatHolding Holding)> ElectSeats(string body, IReadOnlyList<PartnerSnapshot> winners, Coalition coalition, LocalDate from, Actor by, Instant at)
    {
        var state = Body(body);
        Preconditions.CheckNotNull(winners, nameof(winners));
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        var definition = state.Definition;
        var free = Enumerable.Range(1, definition.Seats).Where(seat => StateOf(state, seat - 1, coalition, from) == SeatState.Vacant && !state.Holdings[seat - 1].Any(h => h.From > from)).ToList();
        var plan = new List<(int Seat, PartnerSnapshot Winner)>();
        foreach (var winner in winners)
        {
            CheckNomination(body, winner.Id, coalition, from, at).ThrowIfRefused();
            var chamber = ChamberOf(winner.Id)?.Chamber;
            var seat = free.Where(s => s <= definition.Reservations.Count && definition.Reservations[s - 1].Admits(winner.Profile, chamber))
                .Concat(free.Where(s => s > definition.Reservations.Count))
                .Cast<int?>()
                .FirstOrDefault();
            if (seat is null)
            {
                throw new CoalitionRuleException(ErrorCodes.Governance.ReservedSeat, $"No vacant seat of {definition.Name} is open to {winner.Profile.Name}: the remaining seats are reserved for other groups or taken.");
            }

            free.Remove(seat.Value);
            plan.Add((seat.Value, winner));
        }

        return plan.Select(p => (p.Seat, Appoint(body, p.Seat, p.Winner, coalition, from, false, by, at))).ToArray();
    }

    /// <summary>Vacates a held seat from a date (a resignation or removal); the term ends the day before.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="on">The first day the seat is vacant.</param>
    /// <param name="reason">Why, if said.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An unknown body or seat, or a seat not held on that date.</exception>
    public void Vacate(string body, int seat, LocalDate on, string? reason, Actor by, Instant at)
    {
        var state = Body(body);
        if (seat < 1 || seat > state.Definition.Seats)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.NoSuchSeat, $"{state.Definition.Name} has no seat {seat}.");
        }

        if (state.HoldingOn(seat - 1, on) is null)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.SeatVacant, $"Seat {seat} of {state.Definition.Name} is not held on {on}.");
        }

        Raise(new SeatVacated(Id, body, seat, on, reason, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Whether a seat is vacant, held or frozen on a date, under the seat policy.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="seat">The seat number, from 1.</param>
    /// <param name="coalition">The coalition, read for the holder's membership.</param>
    /// <param name="on">The date.</param>
    /// <returns>The state and the holding, if any.</returns>
    public (SeatState State, SeatHolding? Holding) Seat(string body, int seat, Coalition coalition, LocalDate on)
    {
        var state = Body(body);
        Preconditions.CheckArgumentRange(seat >= 1 && seat <= state.Definition.Seats, nameof(seat), seat, "No such seat.");
        var seatState = StateOf(state, seat - 1, Preconditions.CheckNotNull(coalition, nameof(coalition)), on);
        return (seatState, seatState == SeatState.Vacant ? null : state.HoldingOn(seat - 1, on));
    }

    /// <summary>The members who sit on a body on a date: every voting member for an assembly, else the holders of held seats.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="at">When.</param>
    /// <returns>The members, in seat order (assembly: in the order they were invited).</returns>
    public IReadOnlyList<PartnerId> SittingMembers(string body, Coalition coalition, Instant at)
    {
        var state = Body(body);
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        var on = at.InZone(coalition.TimeZone).Date;
        if (state.Definition.IsOpenToAllMembers)
        {
            return coalition.Members.Where(m => m.Holds(MemberRights.Vote, coalition.Rights, on)).Select(m => m.Partner).ToArray();
        }

        return Enumerable.Range(0, state.Definition.Seats).Where(i => StateOf(state, i, coalition, on) == SeatState.Held).Select(i => state.HoldingOn(i, on)!.Holder).ToArray();
    }

    /// <summary>Assigns an office of a body to a member who sits on it and may hold office.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="office">The office.</param>
    /// <param name="partner">The member.</param>
    /// <param name="coalition">The coalition, read for membership and seats.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An unknown body, an office the body does not have, or a member who does not sit on it or may not hold office.</exception>
    public void AssignOffice(string body, Office office, PartnerId partner, Coalition coalition, Actor by, Instant at)
    {
        var state = Body(body);
        EnsureMayHoldOffice(partner, Preconditions.CheckNotNull(coalition, nameof(coalition)), at);
        if (!state.Definition.Offices.Contains(office) || !SittingMembers(body, coalition, at).Contains(partner))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidOffice, $"{partner} cannot be {office} of {state.Definition.Name}: the body must have that office and the member must sit on it.");
        }

        Raise(new OfficeAssigned(Id, body, office, partner, at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>The holder of an office, if assigned.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="office">The office.</param>
    /// <returns>The holder, or <see langword="null"/>.</returns>
    public PartnerId? OfficeHolder(string body, Office office) => Body(body).Offices.TryGetValue(office, out var holder) ? holder : null;

    /// <summary>Sets the order in which an office rotates (for example the chair, yearly among steering members).</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="office">The office.</param>
    /// <param name="order">The members, in rotation order, each once.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="CoalitionRuleException">An unknown body or office, or an empty or repeating order.</exception>
    public void SetRotation(string body, Office office, IReadOnlyList<PartnerId> order, Actor by, Instant at)
    {
        var state = Body(body);
        Preconditions.CheckNotNull(order, nameof(order));
        if (!state.Definition.Offices.Contains(office) || order.Count == 0 || order.Distinct().Count() != order.Count)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidRotation, $"A rotation of {office} on {state.Definition.Name} needs an office the body has and an order listing each member once.");
        }

        Raise(new RotationSet(Id, body, office, order.ToArray(), at, Preconditions.CheckNotNull(by, nameof(by))));
    }

    /// <summary>Passes an office to the next member in its rotation order who sits on the body and may hold office.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="office">The office.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new holder.</returns>
    /// <exception cref="CoalitionRuleException">No rotation is set, or nobody else in it is eligible (<c>Governance.NoEligibleRotation</c>).</exception>
    public PartnerId Rotate(string body, Office office, Coalition coalition, Actor by, Instant at)
    {
        var state = Body(body);
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        if (!state.Rotation.TryGetValue(office, out var order))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidRotation, $"No rotation is set for {office} on {state.Definition.Name}.");
        }

        var sitting = SittingMembers(body, coalition, at).ToHashSet();
        var current = state.Offices.TryGetValue(office, out var holder) ? order.ToList().IndexOf(holder) : -1;
        for (var step = 1; step <= order.Count; step++)
        {
            var next = order[(current + step + order.Count) % order.Count];
            if ((current < 0 || next != holder) && sitting.Contains(next) && coalition.CheckRight(next, MemberRights.HoldOffice, at).IsAllowed)
            {
                Raise(new OfficeAssigned(Id, body, office, next, at, Preconditions.CheckNotNull(by, nameof(by))));
                return next;
            }
        }

        throw new CoalitionRuleException(ErrorCodes.Governance.NoEligibleRotation, $"Nobody else in the rotation of {office} on {state.Definition.Name} sits on it and may hold office.");
    }

    /// <summary>The date of a body's next meeting after a date, by its cadence, and the office that convenes it.</summary>
    /// <param name="body">The body's key.</param>
    /// <param name="after">The date of the last meeting.</param>
    /// <returns>The next date and the convenor's office; <see langword="null"/> for a body without a cadence.</returns>
    public (LocalDate Date, Office? Convenor)? NextMeeting(string body, LocalDate after)
    {
        var definition = Body(body).Definition;
        return definition.MeetingCadence is { } cadence ? (after.Plus(cadence), definition.Convenor) : null;
    }

    /// <summary>Whether a member may propose on a matter now, with the reason if not.</summary>
    /// <param name="partner">The member.</param>
    /// <param name="matter">The matter.</param>
    /// <param name="coalition">The coalition.</param>
    /// <param name="at">When.</param>
    /// <returns>The check.</returns>
    public RuleCheck CheckProposer(PartnerId partner, MatterType matter, Coalition coalition, Instant at)
    {
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        if (!_rules.TryGetValue(matter, out var entry))
        {
            return RuleCheck.Refused(ErrorCodes.Governance.NoRule, $"The rule book has no entry for {matter}.");
        }

        var right = coalition.CheckRight(partner, entry.RightToPropose, at);
        return right.IsAllowed ? right : RuleCheck.Refused(ErrorCodes.Governance.MayNotPropose, $"{partner} may not propose on {matter}: {right.Failures[0].Message}");
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
    /// <param name="coalition">The coalition.</param>
    /// <param name="at">When.</param>
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
    /// <param name="coalition">The coalition.</param>
    /// <param name="at">When voting opens.</param>
    /// <param name="recused">Members recused for a conflict of interest.</param>
    /// <param name="names">Display names for explanations.</param>
    /// <returns>The electorate.</returns>
    /// <exception cref="CoalitionRuleException">No rule for the matter, or a chamber vote with a voter outside every chamber.</exception>
    public Electorate ElectorateFor(MatterType matter, Coalition coalition, Instant at, IReadOnlyCollection<PartnerId>? recused = null, Func<PartnerId, string?>? names = null)
    {
        Preconditions.CheckNotNull(coalition, nameof(coalition));
        if (!_rules.TryGetValue(matter, out var entry))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.NoRule, $"The rule book has no entry for {matter}.");
        }

        var sitting = SittingMembers(entry.DecidingBody, coalition, at).ToHashSet();
        var voters = coalition.VotersFor(matter, at, names)
            .Where(v => sitting.Contains(v.Partner) && recused?.Contains(v.Partner) != true)
            .ToArray();
        var allAssigned = _chambers.Count > 0 && voters.All(v => _chamberOf.ContainsKey(v.Partner));
        if (entry.Rule.Method == DecisionMethod.ChamberVote && !allAssigned)
        {
            var missing = voters.FirstOrDefault(v => !_chamberOf.ContainsKey(v.Partner));
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidChamber, $"{matter} is decided by a chamber vote, but {missing?.DisplayName ?? "the coalition"} has no chamber.");
        }

        return allAssigned
            ? new Electorate(voters.Select(v => new Voter(v.Partner, v.Representatives, v.Weight, _chamberOf[v.Partner].Chamber, _chamberOf[v.Partner].SubChamber, v.HasVeto, v.Name)).ToArray(), _chambers)
            : new Electorate(voters);
    }

    /// <inheritdoc />
    protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is GovernanceEstablished;

    /// <inheritdoc />
    protected override string? Admits(IDomainEvent domainEvent) => null;

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
                _bodies[e.Body.Key] = new BodyState(e.Body);
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

    private static void CheckRule(MatterType matter, RuleBookEntry entry, BodyDefinition? body)
    {
        if (body is null)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.UnknownBody, $"The rule for {matter} names '{entry.DecidingBody}', which is not a body of this coalition.");
        }

        if (!body.Mandate.Contains(matter))
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.NotInMandate, $"{body.Name} does not decide {matter}: it is not in its mandate.");
        }

        if (entry.SecondersRequired is < 0 or > 20 || entry.Rule is null)
        {
            throw new CoalitionRuleException(ErrorCodes.Governance.InvalidTemplate, $"The rule for {matter} needs a decision rule and 0 to 20 seconders.");
        }
    }

    // Consecutive full terms ending the day before 'from' (interim terms neither count nor break the chain).
    private static int ConsecutiveFullTerms(BodyState state, PartnerId partner, LocalDate from)
    {
        var count = 0;
        var day = from.PlusDays(-1);
        while (state.History.LastOrDefault(h => h.Holding.Holder == partner && h.Holding.To == day) is { Holding: not null } previous)
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
            throw new CoalitionRuleException(ErrorCodes.Governance.NotEligible, check.Failures[0].Message);
        }
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

    private void EnsureCharterDecision(DecisionReference decision)
    {
        if (decision?.Authorizes(Id, MatterType.AmendCharter) != true)
        {
            throw new CoalitionRuleException(ErrorCodes.Coalitions.DecisionRequired, "Bodies and the rule book change only by an adopted decision of this coalition to amend the charter.");
        }
    }

    private BodyState Body(string key) =>
        key is not null && _bodies.TryGetValue(key, out var body)
            ? body
            : throw new CoalitionRuleException(ErrorCodes.Governance.UnknownBody, $"'{key}' is not a body of this coalition.");

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
}
