using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime.Testing;

namespace Coalitions.Core.Tests.Storage;

/// <summary>
/// The aggregate store's own rules, each with its words: the options it accepts, how often an update tries, when a save
/// snapshots, which snapshots a load trusts, and what it says of a stream with a gap, an unknown name or no events.
/// </summary>
public class AggregateStoreRulesTests
{
    private readonly InMemoryEventStore _events = new();
    private readonly FakeClock _clock = new(Scenario.Start);

    [Theory]
    [InlineData(-1, 3, "SnapshotEvery is 0 (never) or more.")]
    [InlineData(1_000, 0, "MaxAttempts is 1 or more.")]
    public void Options_out_of_range_are_refused_when_the_store_is_built(int every, int attempts, string words)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = every, MaxAttempts = attempts }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_smallest_options_are_accepted_never_snapshotting_and_trying_once()
    {
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0, MaxAttempts = 1 });

        Assert.Equal((0, 1), (store.Options.SnapshotEvery, store.Options.MaxAttempts));
    }

    [Fact]
    public void Snapshots_go_to_the_store_the_options_name_else_to_the_event_store_when_it_keeps_them()
    {
        var elsewhere = new InMemoryEventStore();

        Assert.Same(elsewhere, new AggregateStore(_events, _clock, new AggregateStoreOptions { Snapshots = elsewhere }).Snapshots);
        Assert.Same(_events, new AggregateStore(_events, _clock).Snapshots);
        Assert.Null(new AggregateStore(new EventsOnly(_events), _clock).Snapshots);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_update_tries_as_many_times_in_all_as_the_options_allow_then_lets_the_conflict_through(int maxAttempts)
    {
        var other = new AggregateStore(_events, _clock);
        await other.SaveAsync(Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3)));
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { MaxAttempts = maxAttempts });
        var attempts = 0;

        var conflict = await Assert.ThrowsAsync<CoalitionRuleException>(() => store.UpdateAsync<Proposal>(Scenario.ProposalNumber(1), p =>
        {
            attempts++;
            // Another writer saves between this load and this save, every time.
            other.UpdateAsync<Proposal>(Scenario.ProposalNumber(1), o => o.Vote(3, attempts % 2 == 0 ? Stance.Support : Stance.Oppose)).GetAwaiter().GetResult();
            p.Vote(1, Stance.Support);
        }));

        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, conflict.Code);
        Assert.Equal(maxAttempts, attempts);
    }

    [Fact]
    public async Task A_save_that_crosses_no_multiple_of_the_interval_takes_no_snapshot()
    {
        var store = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 100 });
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(300));
        for (var member = 1; member <= 150; member++)
        {
            proposal.Vote(member, Stance.Support);
        }

        await store.SaveAsync(proposal);
        for (var member = 151; member <= 160; member++)
        {
            proposal.Vote(member, Stance.Support);
        }

        await store.SaveAsync(proposal);

        Assert.Equal(163L, proposal.Version);
        Assert.Equal(153L, (await _events.LoadSnapshotAsync(proposal.StreamName))!.Version);
    }

    [Fact]
    public async Task A_load_reads_the_events_after_a_fitting_snapshot_only()
    {
        var (reads, store, proposal) = await SnapshottedVote();

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        Assert.Equal([20L], reads.From);
        Assert.Equal(proposal.Version, loaded.Version);
    }

    [Fact]
    public async Task A_snapshot_of_another_schema_version_is_not_used_even_when_its_text_would_read()
    {
        var (reads, store, proposal) = await SnapshottedVote();
        var taken = (await _events.LoadSnapshotAsync(proposal.StreamName))!;
        await _events.SaveSnapshotAsync(taken with { SchemaVersion = taken.SchemaVersion + 1 });

        var loaded = await store.LoadAsync<Proposal>(proposal.Id);

        Assert.Equal([1L], reads.From);
        Assert.Equal(ObservableState.Describe(proposal), ObservableState.Describe(loaded));
    }

    [Fact]
    public async Task A_stream_whose_versions_skip_one_is_a_corrupt_history_naming_where()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        await new AggregateStore(_events, _clock).SaveAsync(proposal);
        var gapped = new EventsOnly(_events) { Renumber = stored => [stored[0], .. stored.Skip(1).Select(e => e with { Version = e.Version + 1 })] };

        var error = await Assert.ThrowsAsync<StoredEventException>(() => new AggregateStore(gapped, _clock).LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(3L, error.Position);
        Assert.Equal("Decisions.ProposalSubmitted", error.EventType);
        Assert.Equal($"{proposal.StreamName} skips from version 1 to 3: a stream's versions have no gaps.", error.Message);
    }

    [Fact]
    public async Task A_gap_after_a_snapshot_is_named_from_the_snapshots_version_on()
    {
        var (_, _, proposal) = await SnapshottedVote();
        var gapped = new EventsOnly(_events) { Renumber = stored => [.. stored.Select(e => e.Version > 22 ? e with { Version = e.Version + 1 } : e)] };

        var error = await Assert.ThrowsAsync<StoredEventException>(() =>
            new AggregateStore(gapped, _clock, new AggregateStoreOptions { Snapshots = _events, SnapshotEvery = 0 }).LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal($"{proposal.StreamName} skips from version 22 to 24: a stream's versions have no gaps.", error.Message);
    }

    [Fact]
    public async Task Saving_an_aggregate_with_nothing_new_writes_nothing_and_answers_its_version()
    {
        var store = new AggregateStore(_events, _clock);
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        await store.SaveAsync(proposal);

        var again = await store.SaveAsync(proposal);

        Assert.Equal(new AppendResult(2, 0), again);
        Assert.Equal(2L, _events.Count);
    }

    [Fact]
    public async Task A_stream_name_off_the_convention_and_a_stream_without_events_are_refused_in_words()
    {
        var store = new AggregateStore(_events, _clock);
        var missing = AggregateType.Of<Proposal>().StreamNameFor(Scenario.ProposalNumber(7));

        var unknown = await Assert.ThrowsAsync<CoalitionRuleException>(() => store.LoadAsync("-0f8fad5b-d9cb-469f-a165-70867728950e"));
        var notFound = await Assert.ThrowsAsync<CoalitionRuleException>(() => store.LoadAsync(missing));

        Assert.Equal(ErrorCodes.Storage.UnknownStream, unknown.Code);
        Assert.StartsWith("'-0f8fad5b-d9cb-469f-a165-70867728950e' is not {category}-{id} for any aggregate type (", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("partner, outreach, coalition, governance, proposal, poll, agreement, ", unknown.Message, StringComparison.Ordinal);
        Assert.EndsWith(").", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Storage.StreamNotFound, notFound.Code);
        Assert.Equal($"No events are stored in {missing}.", notFound.Message);
    }

    [Fact]
    public async Task A_snapshot_is_refused_for_a_type_without_snapshots_for_unsaved_events_and_without_a_snapshot_store()
    {
        var coalition = CoalitionScenario.Founded();
        var unsaved = Scenario.Discussed(DecisionRule.SimpleMajority());
        var saved = Scenario.Discussed(DecisionRule.SimpleMajority());
        await new AggregateStore(_events, _clock).SaveAsync(saved);

        var noSnapshots = await Assert.ThrowsAsync<ArgumentException>(() => new AggregateStore(_events, _clock).SaveSnapshotAsync(coalition));
        var notSaved = await Assert.ThrowsAsync<ArgumentException>(() => new AggregateStore(_events, _clock).SaveSnapshotAsync(unsaved));
        var nowhere = await Assert.ThrowsAsync<InvalidOperationException>(() => new AggregateStore(new EventsOnly(_events), _clock).SaveSnapshotAsync(saved));

        Assert.StartsWith("Coalition takes no snapshots.", noSnapshots.Message, StringComparison.Ordinal);
        Assert.StartsWith("Only the committed state is snapshotted: save the aggregate first.", notSaved.Message, StringComparison.Ordinal);
        Assert.Equal("No snapshot store is configured: set AggregateStoreOptions.Snapshots or use an event store that keeps snapshots.", nowhere.Message);
        Assert.Null(await _events.LoadSnapshotAsync(saved.StreamName));
    }

    [Fact]
    public void A_stream_name_is_refused_for_the_empty_id_an_id_of_another_type_and_a_type_not_catalogued()
    {
        var proposals = AggregateType.Of<Proposal>();

        var empty = Assert.Throws<ArgumentException>(() => proposals.StreamNameFor(Guid.Empty));
        var otherId = Assert.Throws<ArgumentException>(() => proposals.StreamNameFor(Scenario.TheCoalition));
        var notCatalogued = Assert.Throws<InvalidOperationException>(() => AggregateType.Of(typeof(string)));

        Assert.StartsWith("An aggregate id is never the empty GUID.", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("A Proposal is identified by a ProposalId, not a CoalitionId.", otherId.Message, StringComparison.Ordinal);
        Assert.Equal("String is not in the aggregate catalog; add it to Storage/AggregateCatalog.cs.", notCatalogued.Message);
        Assert.StartsWith(
            "An Agreement is identified by an AgreementId, not a ProposalId.",
            Assert.Throws<ArgumentException>(() => AggregateType.Of<global::Coalitions.Core.Agreements.Agreement>().StreamNameFor(Scenario.ProposalNumber(1))).Message,
            StringComparison.Ordinal);
    }

    // A vote of 30 events with a snapshot at version 20, and a store whose reads are recorded.
    private async Task<(EventsOnly Reads, AggregateStore Store, Proposal Proposal)> SnapshottedVote()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(40));
        for (var member = 1; member <= 17; member++)
        {
            proposal.Vote(member, Stance.Support);
        }

        var writer = new AggregateStore(_events, _clock, new AggregateStoreOptions { SnapshotEvery = 0 });
        await writer.SaveAsync(proposal);
        await writer.SaveSnapshotAsync(proposal);
        for (var member = 18; member <= 27; member++)
        {
            proposal.Vote(member, Stance.Oppose);
        }

        await writer.SaveAsync(proposal);
        var reads = new EventsOnly(_events);
        return (reads, new AggregateStore(reads, _clock, new AggregateStoreOptions { Snapshots = _events, SnapshotEvery = 0 }), proposal);
    }

    /// <summary>An event store that keeps no snapshots, records where each read starts and may renumber what it reads.</summary>
    private sealed class EventsOnly(IEventStore inner) : IEventStore
    {
        public List<long> From { get; } = [];

        public Func<IReadOnlyList<StoredEvent>, IReadOnlyList<StoredEvent>> Renumber { get; init; } = stored => stored;

        public Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(streamName, expectedVersion, events, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default)
        {
            From.Add(fromVersion);
            return Renumber(await inner.ReadStreamAsync(streamName, fromVersion, cancellationToken));
        }

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
    }
}
