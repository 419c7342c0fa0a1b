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

    [Fact]
    public void Whether_a_record_reads_as_written_is_answered_for_its_own_type_and_version_whatever_was_asked_before()
    {
        // Consecutive records are mostly of one type, so the answer for the last type and version is kept: it must change
        // when either does.
        (string Type, int Version, bool AsWritten)[] asked =
        [
            ("Decisions.BallotCast", 2, true),
            ("Decisions.BallotCast", 1, false),
            ("Decisions.BallotCast", 2, true),
            ("Decisions.VotingOpened", 1, false),
            ("Decisions.VotingOpened", 2, true),
            ("Decisions.ProposalSubmitted", 1, true),
            ("Host.Unknown", 1, false),
            ("Decisions.ProposalSubmitted", 1, true),
            ("Decisions.ProposalSubmitted", 2, false),
        ];
        var records = asked.Select((a, i) => new StoredEvent(Guid.NewGuid(), "proposal-a", i + 1, i + 1, a.Type, a.Version, Scenario.Start, "{}", "{}")).ToArray();
        var sequence = new StoredEventSequence(records, 0, EventSerializer.Default);

        Assert.Equal(asked.Select(a => a.AsWritten), records.Select(sequence.ReadsAsWritten));
    }

    [Fact]
    public void An_event_read_as_written_is_of_a_known_type_at_its_current_version_with_no_upcaster_from_it()
    {
        // A host's upcaster from a type's current version (here a rename of version 1 ballots) means its records are not
        // read as written, while the type it leads to is.
        var renaming = new EventSerializer([EventUpcaster.Rename("Decisions.BallotCast", 1, "Decisions.ProposalWithdrawn", 1)]);

        Assert.False(renaming.ReadsAsWritten("Decisions.BallotCast", 1));
        Assert.True(renaming.ReadsAsWritten("Decisions.ProposalWithdrawn", 1));
        Assert.False(EventSerializer.Default.ReadsAsWritten(null!, 1));
        Assert.False(EventSerializer.Default.ReadsAsWritten("Host.Unknown", 1));
        Assert.True(EventSerializer.Default.ReadsAsWritten("Decisions.BallotCast", 2));
    }
}
