using System.Collections.Concurrent;
using Coalitions.Core.Decisions;
using Coalitions.Core.Hosting;
using Coalitions.Core.Kernel;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Testing;

namespace Coalitions.Core.Storage.Tests.Conformance;

/// <summary>
/// What every <see cref="IEventStore"/> must do, whatever it stores events in: each store's test class derives from this
/// one and supplies an empty store per test.
/// </summary>
public abstract class EventStoreConformance : IAsyncLifetime
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0, 0) + Duration.FromMilliseconds(123);

    protected IEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        switch (Store)
        {
            case IAsyncDisposable async:
                await async.DisposeAsync();
                break;
            case IDisposable sync:
                sync.Dispose();
                break;
        }
    }

    [SkippableFact]
    public async Task A_new_stream_numbers_its_events_from_one_and_the_log_numbers_them_from_one()
    {
        var result = await Store.AppendAsync("proposal-a", 0, [Data(), Data(), Data()]);

        Assert.Equal(new AppendResult(3, 3), result);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync("proposal-a", 1)).Select(e => e.Version));
        Assert.Equal([1L, 2L, 3L], (await Store.ReadAllAsync(0, 10)).Select(e => e.Position));
    }

    [SkippableFact]
    public async Task Every_field_of_an_event_reads_back_as_it_was_appended()
    {
        var data = Data("Decisions.BallotCast", 3) with { Data = """{"$type":"Decisions.BallotCast","reason":"Ünïcødé ✓"}""", Metadata = """{"correlationId":"0f8fad5b-d9cb-469f-a165-70867728950e"}""" };
        await Store.AppendAsync("poll-b", 0, [Data()]);

        await Store.AppendAsync("proposal-a", 0, [data]);
        var stored = Assert.Single(await Store.ReadStreamAsync("proposal-a", 1));

        Assert.Equal((data.EventId, "proposal-a", 1L, 2L, "Decisions.BallotCast", 3, At), (stored.EventId, stored.StreamName, stored.Version, stored.Position, stored.EventType, stored.SchemaVersion, stored.RecordedAt));
        Assert.Equal(data.Data, stored.Data);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", System.Text.Json.JsonDocument.Parse(stored.Metadata).RootElement.GetProperty("correlationId").GetString());
    }

    [SkippableFact]
    public async Task A_stream_reads_from_a_version_on_and_a_missing_stream_reads_as_empty()
    {
        await Store.AppendAsync("proposal-a", 0, [Data(), Data()]);
        await Store.AppendAsync("proposal-a", 2, [Data(), Data()]);

        Assert.Equal([3L, 4L], (await Store.ReadStreamAsync("proposal-a", 3)).Select(e => e.Version));
        Assert.Empty(await Store.ReadStreamAsync("proposal-a", 5));
        Assert.Empty(await Store.ReadStreamAsync("proposal-never", 1));
    }

    [SkippableFact]
    public async Task Of_two_writers_at_the_same_version_one_wins_and_the_other_gets_the_coded_conflict()
    {
        for (var round = 0; round < 20; round++)
        {
            var stream = $"proposal-race-{round}";
            await Store.AppendAsync(stream, 0, [Data()]);
            var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await Store.AppendAsync(stream, 1, [Data(), Data()]);
                    return null;
                }
                catch (CoalitionRuleException conflict)
                {
                    return conflict;
                }
            })));

            Assert.Single(attempts, a => a is null);
            Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, Assert.Single(attempts, a => a is not null)!.Code);
            Assert.Equal(3, (await Store.ReadStreamAsync(stream, 1)).Count);
        }
    }

    [SkippableFact]
    public async Task An_append_at_a_stale_or_a_future_version_is_a_conflict_and_writes_nothing()
    {
        await Store.AppendAsync("proposal-a", 0, [Data(), Data()]);

        var stale = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.AppendAsync("proposal-a", 1, [Data()]));
        var future = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.AppendAsync("proposal-a", 5, [Data()]));
        var fresh = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.AppendAsync("proposal-new", 1, [Data()]));

        Assert.All([stale, future, fresh], e => Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, e.Code));
        Assert.Contains("version 2", stale.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.ReadAllAsync(0, 10)).Count);
    }

    [SkippableFact]
    public async Task Retrying_an_append_that_was_stored_returns_its_result_and_writes_nothing_twice()
    {
        var events = new[] { Data(), Data() };
        var first = await Store.AppendAsync("proposal-a", 0, events);
        await Store.AppendAsync("proposal-b", 0, [Data()]);

        var retried = await Store.AppendAsync("proposal-a", 0, events);
        var other = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.AppendAsync("proposal-a", 0, [events[0], Data()]));

        Assert.Equal(first, retried);
        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, other.Code);
        Assert.Equal(3, (await Store.ReadAllAsync(0, 10)).Count);
    }

    [SkippableFact]
    public async Task A_retry_holding_more_events_than_were_stored_is_a_conflict_and_writes_nothing()
    {
        var stored = Data();
        await Store.AppendAsync("proposal-a", 0, [stored]);

        var longer = await Assert.ThrowsAsync<CoalitionRuleException>(() => Store.AppendAsync("proposal-a", 0, [stored, Data()]));

        Assert.Equal(ErrorCodes.Kernel.ConcurrencyConflict, longer.Code);
        Assert.Equal([stored.EventId], (await Store.ReadAllAsync(0, 10)).Select(e => e.EventId));
    }

    [SkippableFact]
    public async Task The_log_reads_after_a_position_across_streams_in_the_order_appends_committed()
    {
        await Store.AppendAsync("proposal-a", 0, [Data()]);
        await Store.AppendAsync("poll-b", 0, [Data(), Data()]);
        await Store.AppendAsync("proposal-a", 1, [Data()]);

        var all = await Store.ReadAllAsync(0, 100);
        var afterTwo = await Store.ReadAllAsync(2, 100);
        var batch = await Store.ReadAllAsync(1, 2);

        Assert.Equal(["proposal-a", "poll-b", "poll-b", "proposal-a"], all.Select(e => e.StreamName));
        Assert.Equal([3L, 4L], afterTwo.Select(e => e.Position));
        Assert.Equal([2L, 3L], batch.Select(e => e.Position));
        Assert.Empty(await Store.ReadAllAsync(4, 100));
    }

    [SkippableFact]
    public async Task Ten_thousand_concurrent_appends_from_eight_tasks_lose_nothing_and_duplicate_nothing()
    {
        const int tasks = 8, perTask = 1_250, streamsPerTask = 10;
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(task => Task.Run(async () =>
        {
            var versions = new long[streamsPerTask];
            for (var i = 0; i < perTask; i++)
            {
                var s = i % streamsPerTask;
                await Store.AppendAsync($"proposal-{task}-{s}", versions[s], [Data()]);
                versions[s]++;
            }
        })));

        var log = await ReadWholeLogAsync(1_000);

        Assert.Equal(tasks * perTask, log.Count);
        Assert.Equal(Enumerable.Range(1, tasks * perTask).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Equal(log.Count, log.Select(e => e.EventId).Distinct().Count());
        Assert.All(log.GroupBy(e => e.StreamName), stream => Assert.Equal(Enumerable.Range(1, perTask / streamsPerTask).Select(v => (long)v), stream.Select(e => e.Version)));
    }

    [SkippableFact]
    public async Task A_projection_reading_while_writers_append_never_sees_a_later_position_before_an_earlier_one()
    {
        const int writers = 4, appends = 250;
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < appends; i++)
            {
                await Store.AppendAsync($"proposal-w{w}", i * 2, [Data(), Data()]);
            }
        })));

        long checkpoint = 0;
        var seen = 0;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((!writing.IsCompleted || seen < writers * appends * 2) && !writing.IsFaulted && DateTime.UtcNow < deadline)
        {
            foreach (var stored in await Store.ReadAllAsync(checkpoint, 100))
            {
                // A gap would mean an event committed later below the checkpoint, which the projection would never read.
                Assert.Equal(checkpoint + 1, stored.Position);
                checkpoint = stored.Position;
                seen++;
            }
        }

        await writing;
        Assert.Equal(writers * appends * 2, seen);
    }

    [SkippableFact]
    public async Task A_corrupt_row_surfaces_as_an_unreadable_event_naming_its_stream_and_version()
    {
        var store = new AggregateStore(Store, new FakeClock(Scenario.Start));
        var proposal = Scenario.Discussed(DecisionRule.SimpleMajority());
        await store.SaveAsync(proposal);
        await Store.AppendAsync(proposal.StreamName, 2, [Data("Decisions.ProposalRevised", 1) with { Data = """{"$type":"Decisions.ProposalRevised","proposal":"not a guid","revision":2}""" }]);

        var error = await Assert.ThrowsAsync<StoredEventException>(() => store.LoadAsync<Proposal>(proposal.Id));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal((3L, "Decisions.ProposalRevised"), (error.Position, error.EventType));
        Assert.Contains(proposal.StreamName, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync(" ", 0, [Data()]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", -1, [Data()]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", long.MaxValue, [Data()]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", 0, []));
        var twice = Data();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", 0, [twice, twice]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadStreamAsync("proposal-a", 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadAllAsync(-1, 10));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadAllAsync(0, 0));

        Assert.Empty(await Store.ReadAllAsync(0, 10));
    }

    [SkippableFact]
    public async Task Data_or_metadata_that_is_not_one_JSON_text_is_refused_before_anything_is_written()
    {
        // Every store keeps what it is given as JSON text (PostgreSQL in json columns, which parse it): a store that took
        // anything else would hand the serializer an unreadable event later, and stores would differ in what they take.
        string[] broken = ["", " ", "not json", "{", "{}{}", "{} x", "{\"a\":1,}", "// note\n{}", "{\"a\":\"half \ud83d\"}"];
        foreach (var text in broken)
        {
            var data = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", 0, [Data() with { Data = text }]));
            var metadata = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", 0, [Data() with { Metadata = text }]));
            Assert.StartsWith("Every event's data and metadata are each one JSON text.", data.Message, StringComparison.Ordinal);
            Assert.StartsWith("Every event's data and metadata are each one JSON text.", metadata.Message, StringComparison.Ordinal);
        }

        await Store.AppendAsync("proposal-a", 0, [Data() with { Data = " [1, {\"a\": null}] ", Metadata = "\"text\"" }]);
        var stored = Assert.Single(await Store.ReadAllAsync(0, 10));
        Assert.Equal((" [1, {\"a\": null}] ", "\"text\""), (stored.Data, stored.Metadata));
    }

    [SkippableFact]
    public async Task A_stream_name_or_event_type_holding_a_control_character_or_half_of_a_character_is_refused()
    {
        // A store that cannot keep such text exactly (SQLite and PostgreSQL encode UTF-8) would hand back another name.
        string[] names = ["proposal-\ud800", "proposal-\u0000", "proposal\nb", "\udc00proposal"];
        foreach (var name in names)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync(name, 0, [Data()]));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.AppendAsync("proposal-a", 0, [Data(type: name)]));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadStreamAsync(name, 1));
        }

        Assert.Empty(await Store.ReadAllAsync(0, 10));
    }

    [SkippableFact]
    public async Task A_snapshot_store_keeps_the_latest_snapshot_of_each_stream()
    {
        var snapshots = Assert.IsAssignableFrom<ISnapshotStore>(Store);

        Assert.Null(await snapshots.LoadSnapshotAsync("proposal-a"));
        await snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 10, 1, At, """{"v":10}"""));
        await snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 5, 1, At, """{"v":5}"""));
        await snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-b", 7, 2, At, """{"v":7}"""));

        Assert.Equal(new StoredSnapshot("proposal-a", 10, 1, At, """{"v":10}"""), await snapshots.LoadSnapshotAsync("proposal-a"));
        Assert.Equal(7L, (await snapshots.LoadSnapshotAsync("proposal-b"))!.Version);
    }

    [SkippableFact]
    public async Task A_snapshot_at_the_version_held_replaces_it_as_one_in_a_new_shape_after_an_upgrade_must()
    {
        var snapshots = Assert.IsAssignableFrom<ISnapshotStore>(Store);

        await snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 10, 1, At, """{"v":1}"""));
        await snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 10, 2, At, """{"v":2}"""));

        Assert.Equal(new StoredSnapshot("proposal-a", 10, 2, At, """{"v":2}"""), await snapshots.LoadSnapshotAsync("proposal-a"));
    }

    [SkippableFact]
    public async Task A_snapshot_under_a_bad_stream_name_is_refused()
    {
        var snapshots = Assert.IsAssignableFrom<ISnapshotStore>(Store);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => snapshots.SaveSnapshotAsync(new StoredSnapshot(" ", 1, 1, At, "{}")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => snapshots.LoadSnapshotAsync(new string('s', EventStoreRules.MaxStreamNameLength + 1)));
    }

    [SkippableFact]
    public async Task A_snapshot_of_no_version_or_shape_or_whose_data_is_not_JSON_is_refused_and_nothing_is_stored()
    {
        var snapshots = Assert.IsAssignableFrom<ISnapshotStore>(Store);

        await Assert.ThrowsAsync<ArgumentNullException>(() => snapshots.SaveSnapshotAsync(null!));
        var version = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 0, 1, At, "{}")));
        var shape = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 1, 0, At, "{}")));
        var data = await Assert.ThrowsAnyAsync<ArgumentException>(() => snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 1, 1, At, "{\"v\":")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => snapshots.SaveSnapshotAsync(new StoredSnapshot("proposal-a", 1, 1, At, null!)));

        Assert.StartsWith("A snapshot holds a stream's state at version 1 or later.", version.Message, StringComparison.Ordinal);
        Assert.StartsWith("Schema versions start at 1.", shape.Message, StringComparison.Ordinal);
        Assert.StartsWith("A snapshot's data is one JSON text.", data.Message, StringComparison.Ordinal);
        Assert.Null(await snapshots.LoadSnapshotAsync("proposal-a"));
    }

    [SkippableFact]
    public async Task A_cancelled_append_or_read_throws_and_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAsync("proposal-a", 0, [Data()], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReadStreamAsync("proposal-a", 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReadAllAsync(0, 10, cancelled.Token));

        Assert.Empty(await Store.ReadAllAsync(0, 10));
    }

    [SkippableFact]
    public async Task A_proposal_saved_and_loaded_from_snapshot_and_tail_is_the_proposal_its_events_build()
    {
        var clock = new FakeClock(Scenario.Start);
        var snapshotting = new AggregateStore(Store, clock, new AggregateStoreOptions { SnapshotEvery = 1_000 });
        var proposal = Scenario.Voting(DecisionRule.SimpleMajority(), Scenario.Members(300));
        for (var i = 0; i < 1_200; i++)
        {
            var member = (i % 300) + 1;
            proposal.CastBallot(Scenario.Partner(member), (i / 300) % 2 == 0 ? Stance.Support : Stance.Oppose, null, Scenario.For(member), Scenario.Start + Duration.FromSeconds(i + 1));
            if (i is 399 or 999 or 1_199)
            {
                await snapshotting.SaveAsync(proposal);
            }
        }

        var fromSnapshot = await snapshotting.LoadAsync<Proposal>(proposal.Id);
        var replayed = await new AggregateStore(Store, clock, new AggregateStoreOptions { Snapshots = new InMemoryEventStore() }).LoadAsync<Proposal>(proposal.Id);

        Assert.Equal(1_003L, (await ((ISnapshotStore)Store).LoadSnapshotAsync(proposal.StreamName))!.Version);
        Assert.Equal(1_203L, fromSnapshot.Version);
        Assert.Equal(ObservableState.Describe(replayed), ObservableState.Describe(fromSnapshot));
    }

    [SkippableFact]
    public async Task Two_scheduler_loops_over_one_store_close_every_due_vote_and_poll_exactly_once()
    {
        var clock = new FakeClock(HostingScenario.AfterTheDeadlines);
        await HostingScenario.SaveDueWorkAsync(new AggregateStore(Store, clock), votes: 6, polls: 4);
        var loops = Enumerable.Range(0, 2).Select(_ => new ScheduledWorkRunner(new AggregateStore(Store, clock), clock)).ToArray();

        var results = (await Task.WhenAll(loops.Select(loop => Task.Run(() => loop.RunDueAsync())))).SelectMany(r => r).ToArray();
        var again = await loops[0].RunDueAsync();

        Assert.Equal(10, results.Count(r => r.Outcome == WorkOutcome.Done));
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { WorkOutcome.Done, WorkOutcome.Dropped }));
        Assert.Empty(again);
        var log = await ReadWholeLogAsync(500);
        Assert.All(log.Where(e => e.EventType is "Decisions.RoundClosed" or "Polls.PollClosed").GroupBy(e => e.StreamName), closed => Assert.Single(closed));
        Assert.Equal(10, log.Count(e => e.EventType is "Decisions.RoundClosed" or "Polls.PollClosed"));
    }

    protected abstract Task<IEventStore> CreateStoreAsync();

    private static EventData Data(string type = "Decisions.ProposalSubmitted", int schemaVersion = 1) =>
        new(Guid.NewGuid(), type, schemaVersion, At, """{"$type":"Decisions.ProposalSubmitted"}""", "{}");

    private async Task<List<StoredEvent>> ReadWholeLogAsync(int batch)
    {
        var log = new List<StoredEvent>();
        while (true)
        {
            var read = await Store.ReadAllAsync(log.Count == 0 ? 0 : log[^1].Position, batch);
            if (read.Count == 0)
            {
                return log;
            }

            log.AddRange(read);
        }
    }
}
