using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using static Coalitions.Core.Tests.Kit.PartnerScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using PartnerAggregate = global::Coalitions.Core.Partners.Partner;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>What every aggregate shares, seen on a partner: its version, the events waiting to be stored, and the exact words and positions with which a history is refused on rehydration.</summary>
public class AggregateRootTests
{
    private const string First = "a0000000-0000-0000-0000-000000000001";

    private static IDomainEvent[] History() => PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start).DequeueUncommittedEvents().ToArray();

    private static StoredEventException Corrupt(IEnumerable<IDomainEvent> history)
    {
        var error = Assert.Throws<StoredEventException>(() => PartnerAggregate.Rehydrate(history));
        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        return error;
    }

    [Fact]
    public void Each_raised_event_counts_toward_the_version_and_waits_to_be_stored()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Assert.Equal(2, partner.Version);
        Assert.Equal(0, partner.OriginalVersion);
        Assert.True(partner.HasUncommittedEvents);
        Assert.Equal([typeof(PartnerRegistered), typeof(RepresentativeAdded)], partner.UncommittedEvents.Select(e => e.GetType()));
        Assert.Equal(Partner(1), partner.Id);
    }

    [Fact]
    public void Dequeued_events_are_handed_over_once_and_the_version_stays()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Assert.Equal(2, partner.DequeueUncommittedEvents().Count);
        Assert.False(partner.HasUncommittedEvents);
        Assert.Empty(partner.DequeueUncommittedEvents());
        Assert.Equal(2, partner.Version);
        Assert.Equal(2, partner.OriginalVersion);

        partner.AddRepresentative(Rep(2), For(1), Hours(1));

        Assert.Equal(3, partner.Version);
        Assert.Equal(2, partner.OriginalVersion);
        Assert.IsType<RepresentativeAdded>(Assert.Single(partner.UncommittedEvents));
    }

    [Fact]
    public void A_rehydrated_aggregate_has_its_history_as_its_version_and_nothing_to_store()
    {
        var partner = PartnerAggregate.Rehydrate([.. History(), new RepresentativeAdded(Partner(1), Rep(2), Hours(1), For(1))]);

        Assert.Equal(3, partner.Version);
        Assert.Equal(3, partner.OriginalVersion);
        Assert.False(partner.HasUncommittedEvents);
        Assert.Equal(2, partner.Representatives.Count);
        Assert.Equal(Partner(1), partner.Id);
    }

    [Fact]
    public void An_empty_history_is_refused_without_a_position()
    {
        var error = Corrupt([]);

        Assert.Equal("The history of a Partner cannot be replayed: the history is empty; it must start with the event that creates the aggregate.", error.Message);
        Assert.Null(error.Position);
        Assert.Null(error.EventType);
    }

    [Fact]
    public void No_history_at_all_is_refused()
    {
        Assert.Equal("The history of a Partner cannot be replayed: no history was given.", Corrupt(null!).Message);
    }

    [Fact]
    public void A_history_not_starting_with_the_creation_event_is_refused_at_event_1()
    {
        var error = Corrupt([History()[1]]);

        Assert.Equal("Event 1 (Partners.RepresentativeAdded) of a Partner cannot be replayed: the history must start with the event that creates the aggregate.", error.Message);
        Assert.Equal(1, error.Position);
        Assert.Equal("Partners.RepresentativeAdded", error.EventType);
    }

    [Fact]
    public void A_second_creation_event_is_refused_at_its_position()
    {
        var history = History();

        var error = Corrupt([.. history, history[0]]);

        Assert.Equal("Event 3 (Partners.PartnerRegistered) of a Partner cannot be replayed: a second creation event cannot follow the first.", error.Message);
        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void An_event_of_another_partner_is_refused_naming_both_ids()
    {
        var error = Corrupt([.. History(), new RepresentativeAdded(Partner(2), Rep(2), Hours(1), For(1))]);

        Assert.Equal($"Event 3 (Partners.RepresentativeAdded) of a Partner cannot be replayed: it names a0000000-0000-0000-0000-000000000002, another Partner than {First}.", error.Message);
        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void An_event_of_another_kind_of_aggregate_is_refused()
    {
        var error = Corrupt([.. History(), new BallotCast(ProposalNumber(1), 1, Partner(1), Stance.Support, null, Start, For(1))]);

        Assert.Equal("Event 3 (Decisions.BallotCast) of a Partner cannot be replayed: BallotCast does not name a PartnerId first, so it cannot belong to a Partner.", error.Message);
        Assert.Equal("Decisions.BallotCast", error.EventType);
    }

    [Fact]
    public void An_event_the_aggregate_does_not_admit_is_refused_in_its_words()
    {
        var history = History();

        Assert.Equal("Event 3 (Partners.RepresentativeAdded) of a Partner cannot be replayed: the person already represents the partner.", Corrupt([.. history, history[1]]).Message);
        Assert.Equal("Event 3 (Partners.RepresentativeRemoved) of a Partner cannot be replayed: the person does not represent the partner.", Corrupt([.. history, new RepresentativeRemoved(Partner(1), Person(7), Hours(1), For(1))]).Message);
    }

    [Fact]
    public void A_null_event_is_refused_naming_its_position()
    {
        var error = Corrupt([.. History(), null!]);

        Assert.Equal("Event 3 of a Partner cannot be replayed: the event is null.", error.Message);
        Assert.Equal(3, error.Position);
        Assert.Null(error.EventType);
    }

    [Fact]
    public void An_ill_formed_stored_event_is_refused_before_it_is_applied()
    {
        var error = Corrupt([.. History(), new RepresentativeRemoved(Partner(1), default, Hours(1), For(1))]);

        Assert.StartsWith("Event 3 (Partners.RepresentativeRemoved) of a Partner cannot be replayed: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void A_check_or_an_apply_that_crashes_on_a_stored_event_is_a_corrupt_history_with_the_crash_inside()
    {
        var history = History();

        var check = Assert.Throws<StoredEventException>(() => Fragile.Rehydrate(history, crashIn: "check"));
        var apply = Assert.Throws<StoredEventException>(() => Fragile.Rehydrate(history, crashIn: "apply"));

        Assert.Equal((ErrorCodes.Kernel.CorruptHistory, 2L), (check.Code, check.Position));
        Assert.Equal("Event 2 (Partners.RepresentativeAdded) of a Fragile cannot be replayed: it could not be checked (InvalidOperationException: check).", check.Message);
        Assert.IsType<InvalidOperationException>(check.InnerException);
        Assert.Equal("Event 2 (Partners.RepresentativeAdded) of a Fragile cannot be replayed: it could not be applied (ArgumentException: RepresentativeAdded does not belong to the event stream of Fragile. (Parameter 'domainEvent')).", apply.Message);
        Assert.IsType<ArgumentException>(apply.InnerException);
    }

    [Fact]
    public void A_stored_event_error_raised_while_applying_passes_through_as_it_is()
    {
        var error = Assert.Throws<StoredEventException>(() => Fragile.Rehydrate(History(), crashIn: "stored"));

        Assert.Equal((ErrorCodes.Kernel.UnreadableEvent, "its own words"), (error.Code, error.Message));
    }

    [Fact]
    public void A_stored_event_error_raised_while_checking_passes_through_as_it_is()
    {
        var error = Assert.Throws<StoredEventException>(() => Fragile.Rehydrate(History(), crashIn: "stored check"));

        Assert.Equal((ErrorCodes.Kernel.UnreadableEvent, "its own words", 2L), (error.Code, error.Message, error.Position));
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void A_refusal_names_the_aggregate_with_its_article()
    {
        Assert.StartsWith("Event 1 (Partners.RepresentativeAdded) of a Partner cannot", Corrupt(History()[1..]).Message, StringComparison.Ordinal);
        Assert.StartsWith("Event 1 (Partners.RepresentativeAdded) of an Agreement cannot", Assert.Throws<StoredEventException>(() => global::Coalitions.Core.Agreements.Agreement.Rehydrate(History()[1..])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_would_record_an_ill_formed_fact_is_refused_and_records_nothing()
    {
        var fragile = Fragile.Rehydrate(History()[..1], crashIn: string.Empty);
        var illFormed = new RepresentativeAdded(Partner(1), Rep(2) with { Person = default }, Hours(1), For(1));

        var one = Assert.Throws<CoalitionRuleException>(() => fragile.Record(illFormed));
        var several = Assert.Throws<CoalitionRuleException>(() => fragile.Record(History()[1], illFormed));

        Assert.Equal(ErrorCodes.Kernel.InvalidInput, one.Code);
        Assert.StartsWith("The command would record an ill-formed fact: ", one.Message, StringComparison.Ordinal);
        Assert.Equal(one.Message, several.Message);
        Assert.Equal((1L, false), (fragile.Version, fragile.HasUncommittedEvents));
    }

    [Fact]
    public void A_version_restored_from_a_snapshot_is_zero_or_more()
    {
        var partner = PartnerAggregate.Rehydrate(History());

        partner.RestoreVersion(0);
        Assert.Equal(0, partner.Version);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => partner.RestoreVersion(-1));
        Assert.Equal("version", refused.ParamName);
        Assert.StartsWith("A version is zero or more.", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A partner-like aggregate whose check or apply crashes on the second event, as a bug in an aggregate would.</summary>
    private sealed class Fragile : AggregateRoot<PartnerId>
    {
        private string _crashIn = string.Empty;

        public static Fragile Rehydrate(IEnumerable<IDomainEvent> history, string crashIn)
        {
            var fragile = new Fragile { _crashIn = crashIn };
            return Rebuild(fragile, history);
        }

        public void Record(IDomainEvent domainEvent) => Raise(domainEvent);

        public void Record(IDomainEvent first, IDomainEvent second) => Raise(first, second);

        protected override bool IsCreation(IDomainEvent domainEvent) => domainEvent is PartnerRegistered;

        protected override string? Admits(IDomainEvent domainEvent) => domainEvent is RepresentativeAdded
            ? _crashIn switch
            {
                "check" => throw new InvalidOperationException("check"),
                "stored check" => throw new StoredEventException(ErrorCodes.Kernel.UnreadableEvent, "its own words", 2, null),
                _ => null,
            }
            : null;

        protected override void Apply(IDomainEvent domainEvent)
        {
            switch (domainEvent)
            {
                case PartnerRegistered e:
                    Id = e.Partner;
                    break;
                case RepresentativeAdded when _crashIn == "stored":
                    throw new StoredEventException(ErrorCodes.Kernel.UnreadableEvent, "its own words", 2, null);
                default:
                    throw UnknownEvent(domainEvent);
            }
        }
    }

    [Fact]
    public void A_refused_command_leaves_version_and_pending_events_as_they_were()
    {
        var partner = PartnerAggregate.Register(Partner(1), Profile(), Rep(1), For(1), Start);

        Kit.Refusal.Expect(partner, ErrorCodes.Partners.DuplicateRepresentative, () => partner.AddRepresentative(Rep(1), For(1), Hours(1)));

        Assert.Equal(2, partner.UncommittedEvents.Count);
    }
}
