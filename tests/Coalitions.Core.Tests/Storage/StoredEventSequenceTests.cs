using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Storage;

/// <summary>The stored events a load hands to a replay: enumerated as a plain sequence, they are the events after the snapshot's, each read by the serializer.</summary>
public class StoredEventSequenceTests
{
    [Fact]
    public async Task Enumerated_as_a_plain_sequence_the_stored_events_after_the_skipped_ones_are_read_in_order()
    {
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(3));
        proposal.Vote(1, Stance.Support);
        var events = proposal.DequeueUncommittedEvents();
        // The records as a load reads them: through a store.
        var store = new InMemoryEventStore();
        await store.AppendAsync(proposal.StreamName, 0, [.. events.Select(e => EventSerializer.Default.Serialize(e, Guid.NewGuid(), Scenario.Start))]);
        var records = await store.ReadStreamAsync(proposal.StreamName, 1);

        var sequence = new StoredEventSequence(records, 1, EventSerializer.Default);

        Assert.Equal(events.Count - 1, sequence.Count);
        Assert.Equal(events.Skip(1).Select(CoalitionsJson.SerializeEvent), sequence.Select(CoalitionsJson.SerializeEvent));
    }
}
