using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Core.Tests.Storage;

public class AggregateStoreTests
{
    private readonly InMemoryEventStore _events = new();
    private readonly FakeClock _clock = new(Scenario.Start);

    private AggregateStore Store => new(_events, _clock);

    [Fact]
    public async Task A_saved_aggregate_loads_with_the_same_state_and_nothing_left_to_save()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        proposal.Vote(2, Stance.Support);

        var saved = await Store.SaveAsync(proposal);
        var loaded = await Store.LoadAsync<Proposal>(proposal.Id);

        Assert.Equal((4L, 4L), (saved.Version, saved.Position));
        Assert.Empty(proposal.UncommittedEvents);
        Assert.Equal((4L, 4L), (loaded.Version, loaded.OriginalVersion));
        Assert.Equal(ObservableState.Describe(proposal), ObservableState.Describe(loaded));
    }

    [Fact]
    public async Task Saving_stamps_every_event_with_its_envelope()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        var correlation = Guid.NewGuid();

        await Store.SaveAsync(proposal, new EventMetadata(correlation, null, Scenario.Chair));
        var stored = await _events.ReadStreamAsync(proposal.StreamName, 1);
        var envelope = EventSerializer.Default.ToEnvelope(stored[1]);

        Assert.Equal(2, stored.Count);
        Assert.Equal((proposal.StreamName, 2L, 2L, "Decisions.ProposalSubmitted", 1), (envelope.StreamName, envelope.Version, envelope.Position, envelope.EventType, envelope.SchemaVersion));
        Assert.Equal(Scenario.Start, envelope.RecordedAt);
        Assert.Equal(new EventMetadata(correlation, null, Scenario.Chair), envelope.Metadata);
        Assert.IsType<ProposalSubmitted>(envelope.Event);
        Assert.NotEqual(stored[0].EventId, stored[1].EventId);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_version_is_refused_with_the_coded_conflict_and_keeps_its_events()
    {
        await Store.SaveAsync(Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3)));
        var first = await Store.LoadAsync<Proposal>(Scenario.ProposalNumber(1));
        var second = await Store.LoadAsync<Proposal>(Scenario.ProposalNumber(1));
        first.Vote(1, Stance.Support);
        second.Vote(2, Stance.Oppose);

        await Store.SaveAsync(first);
        var conflict = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.SaveAsync(second));

        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, conflict.Code);
        Assert.True(EventStoreRules.IsConflict(conflict));
        Assert.Single(second.UncommittedEvents);
        Assert.Equal(4L, _events.Count);
    }

    [Fact]
    public async Task Update_runs_the_command_again_on_fresh_state_after_a_conflict()
    {
        await Store.SaveAsync(Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3)));
        var store = Store;
        var attempts = 0;

        var proposal = await store.UpdateAsync<Proposal>(Scenario.ProposalNumber(1), p =>
        {
            if (attempts++ == 0)
            {
                // Another writer saves between this load and this save.
                store.UpdateAsync<Proposal>(Scenario.ProposalNumber(1), other => other.Vote(3, Stance.Oppose)).GetAwaiter().GetResult();
            }

            p.Vote(2, Stance.Support);
        });

        Assert.Equal(2, attempts);
        Assert.Equal(2, proposal.Ballots.Count);
        Assert.Equal(5L, (await store.LoadAsync<Proposal>(Scenario.ProposalNumber(1))).Version);
    }

    [Fact]
    public async Task A_refused_command_in_an_update_is_not_retried()
    {
        await Store.SaveAsync(Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3)));
        var attempts = 0;

        var refusal = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.UpdateAsync<Proposal>(Scenario.ProposalNumber(1), p =>
        {
            attempts++;
            p.Vote(9, Stance.Support);
        }));

        Assert.Equal(ErrorCodes.Decisions.NotInElectorate, refusal.Code);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Retrying_a_save_whose_answer_was_lost_writes_nothing_twice()
    {
        var flaky = new AnswerLosingStore(_events);
        var store = new AggregateStore(flaky, _clock);
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());

        await Assert.ThrowsAsync<TimeoutException>(() => store.SaveAsync(proposal));
        var retried = await store.SaveAsync(proposal);

        Assert.Equal((2L, 2L), (retried.Version, retried.Position));
        Assert.Equal(2L, _events.Count);
        Assert.Empty(proposal.UncommittedEvents);
    }

    [Fact]
    public async Task Loading_an_aggregate_that_was_never_saved_is_refused_with_a_code()
    {
        var refusal = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.LoadAsync<Proposal>(Scenario.ProposalNumber(7)));

        Assert.Equal(ErrorCodes.Storage.StreamNotFound, refusal.Code);
        Assert.Null(await Store.TryLoadAsync<Proposal>(Scenario.ProposalNumber(7)));
    }

    [Fact]
    public async Task An_aggregate_loads_by_its_stream_name_whatever_its_type()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        await Store.SaveAsync(proposal);

        var loaded = await Store.LoadAsync(proposal.StreamName);

        Assert.Equal(proposal.Id, Assert.IsType<Proposal>(loaded).Id);
        var refusal = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.LoadAsync("ballot-42"));
        Assert.Equal(ErrorCodes.Storage.UnknownStream, refusal.Code);
    }

    [Fact]
    public async Task An_id_of_another_aggregate_type_is_a_programming_error() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadAsync<Proposal>(Scenario.TheCoalition));

    [Fact]
    public async Task A_corrupt_stored_event_fails_the_load_with_the_documented_error_naming_its_version()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        await Store.SaveAsync(proposal);
        await _events.AppendAsync(proposal.StreamName, 2, [new EventData(Guid.NewGuid(), "Decisions.ProposalRevised", 1, Scenario.Start, """{"$type":"Decisions.ProposalRevised","proposal":"not a guid"}""", "{}")]);

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal(3L, error.Position);
        Assert.Contains(proposal.StreamName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_holding_another_aggregates_history_is_refused_not_loaded_under_its_name()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        var other = AggregateType.Of<Proposal>().StreamNameFor(Scenario.ProposalNumber(2));
        await _events.AppendAsync(other, 0, proposal.UncommittedEvents.Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), Scenario.Start)).ToArray());

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadAsync<Proposal>(Scenario.ProposalNumber(2)));

        Assert.Equal((ErrorCodes.Kernel.CorruptHistory, 1L, "Decisions.ProposalDrafted"), (error.Code, error.Position, error.EventType));
        Assert.Equal($"{other} holds the history of {proposal.StreamName}: a stream holds only the events of the aggregate it is named for.", error.Message);
        Assert.Null(await Store.TryLoadAsync<Proposal>(proposal.Id));
    }

    [Fact]
    public async Task A_stream_named_with_its_id_in_capitals_holds_that_aggregate_and_loads()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        var capitals = "proposal-" + proposal.Id.Value.ToString("D").ToUpperInvariant();
        await _events.AppendAsync(capitals, 0, proposal.UncommittedEvents.Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), Scenario.Start)).ToArray());

        var loaded = (Proposal)await Store.LoadAsync(capitals);

        Assert.Equal((proposal.Id, proposal.Version), (loaded.Id, loaded.Version));
    }

    [Fact]
    public void An_aggregate_that_reads_no_event_from_its_text_loads_as_its_events_replay()
    {
        var partner = global::Coalitions.Core.Partners.Partner.Register(Scenario.Partner(1), PartnerScenario.Profile(), PartnerScenario.Rep(1), Scenario.For(1), Scenario.Start);
        partner.AddRepresentative(PartnerScenario.Rep(2), Scenario.For(1), Scenario.Hours(1));
        var history = partner.DequeueUncommittedEvents();

        Assert.Equal(3, history.Count);
        Assert.True(StoreRoundTrip.LoadsAsReplayed(partner.StreamName, global::Coalitions.Core.Partners.Partner.Rehydrate, history));
        Assert.Equal(3, StoreRoundTrip.Load(partner.StreamName, history).Version);
    }

    [Fact]
    public async Task An_event_of_a_newer_schema_than_this_library_reads_is_unreadable_not_misread()
    {
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        var data = EventSerializer.Default.Serialize(proposal.UncommittedEvents[0], Guid.NewGuid(), Scenario.Start) with { SchemaVersion = 2 };
        await _events.AppendAsync(proposal.StreamName, 0, [data]);

        var error = await Assert.ThrowsAsync<StoredEventException>(() => Store.LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Stores the append, then throws as if the answer never came back.</summary>
    private sealed class AnswerLosingStore(IEventStore inner) : IEventStore
    {
        private bool _lost;

        public async Task<AppendResult> AppendAsync(string streamName, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
        {
            var result = await inner.AppendAsync(streamName, expectedVersion, events, cancellationToken);
            if (!_lost)
            {
                _lost = true;
                throw new TimeoutException("The answer was lost.");
            }

            return result;
        }

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamName, long fromVersion, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamName, fromVersion, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
    }
}
