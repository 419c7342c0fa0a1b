using System.Text.Json.Nodes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Hosting;
using Coalitions.Core.Kernel;
using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using NodaTime;

namespace Coalitions.Core.Storage.Tests.Docs;

/// <summary>
/// The code of docs/hosting.md. Each region between <c>#region snippet:NAME</c> and <c>#endregion</c> is copied into the
/// guide's block marked <c>&lt;!-- snippet: NAME --&gt;</c>; <see cref="HostingGuideTests"/> keeps both equal and runs this code.
/// </summary>
public static class HostingGuide
{
    public static async Task<Proposal> EmbedAsync(string databaseFile, IClock clock, ProposalId proposalId, PartnerId member, Actor delegateOfMember)
    {
        #region snippet:store
        // One store for the host's lifetime: a file (WAL mode), or SqliteEventStore.InMemory() for tests.
        // The clock stamps when events are recorded: SystemClock.Instance in production, a FakeClock in tests.
        using var events = SqliteEventStore.Open(databaseFile);
        var store = new AggregateStore(events, clock);
        #endregion

        #region snippet:stream-names
        // Stream names come from the aggregate catalog, never from the host: {category}-{id}.
        var proposalStream = AggregateType.Of<Proposal>().StreamNameFor(proposalId);   // "proposal-…"
        var sameStream = (await store.LoadAsync<Proposal>(proposalId)).StreamName;     // the same name
        #endregion

        #region snippet:command
        // Load, run one command, save: the events are appended at the version the proposal was loaded at.
        var proposal = await store.LoadAsync<Proposal>(proposalId);
        proposal.CastBallot(member, Stance.Support, null, delegateOfMember, clock.GetCurrentInstant());
        await store.SaveAsync(proposal, new EventMetadata(CorrelationId: Guid.NewGuid(), ActingPerson: delegateOfMember.Person));
        #endregion

        #region snippet:retry
        // When another request saved the proposal in between, UpdateAsync loads it again and reruns the command.
        proposal = await store.UpdateAsync<Proposal>(proposalId, p =>
            p.CastBallot(member, Stance.Oppose, "We read the budget again.", delegateOfMember, clock.GetCurrentInstant()));
        #endregion

        Assert.Equal(proposalStream, sameStream);
        return proposal;
    }

    public static async Task<bool> SaveOrReportConflictAsync(AggregateStore store, Proposal proposal)
    {
        #region snippet:conflict
        try
        {
            await store.SaveAsync(proposal);
            return true;
        }
        catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Kernel.ConcurrencyConflict))
        {
            // Someone else changed it since it was loaded: nothing was written. Reload, show the new state, let the user retry.
            return false;
        }
        #endregion
    }

    public static async Task<IReadOnlyList<WorkResult>> RunSchedulerOnceAsync(IEventStore events, IClock clock, List<DueItem> outbox, CancellationToken stopping)
    {
        #region snippet:scheduler
        // Every host may run this loop over the same database: each item takes effect once.
        var runner = new ScheduledWorkRunner(new AggregateStore(events, clock), clock, new ScheduledWorkRunnerOptions
        {
            // Notices (a review due, a commitment falling due, a membership lapsing) are claimed, then handed over once.
            OnNotice = (item, _) => { outbox.Add(item); return Task.CompletedTask; },
        });
        IReadOnlyList<WorkResult> results = [];
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                results = await runner.RunDueAsync(stopping);   // closes votes and polls as Actor.System("scheduler")
                foreach (var refused in results.Where(r => r.Outcome is WorkOutcome.Refused or WorkOutcome.Failed))
                {
                    Console.Error.WriteLine($"{refused.Item.Key}: {refused.Code} {refused.Message}");   // people must act
                }

                var untilNext = (runner.Schedule.NextDue ?? Instant.MaxValue) - clock.GetCurrentInstant();
                await Task.Delay(Duration.Max(Duration.Zero, Duration.Min(untilNext, Duration.FromMinutes(1))).ToTimeSpan(), stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;   // the host is stopping
            }
        }
        #endregion

        return results;
    }

    public static AggregateStore WithSnapshots(IEventStore events)
    {
        #region snippet:snapshots
        // Long streams (a proposal with 100,000 ballots) load from the latest snapshot plus the events after it.
        // The SQLite and PostgreSQL stores keep snapshots themselves; every 1,000 events is the default.
        var store = new AggregateStore(events, SystemClock.Instance, new AggregateStoreOptions { SnapshotEvery = 500 });
        #endregion

        return store;
    }

    public static async Task<Dictionary<ProposalId, int>> BallotsPerProposalAsync(IEventStore events, long checkpoint)
    {
        #region snippet:projection
        // A read model fed from the global log: positions follow commit order without gaps, so reading on after the last
        // position processed (stored with the read model) never misses an event, whatever the number of writers.
        var ballots = new Dictionary<ProposalId, int>();
        var serializer = EventSerializer.Default;
        while (true)
        {
            var batch = await events.ReadAllAsync(checkpoint, maxCount: 500);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var stored in batch)
            {
                if (serializer.IsDomainEvent(stored.EventType) && serializer.Deserialize(stored) is BallotCast cast)
                {
                    ballots[cast.Proposal] = ballots.GetValueOrDefault(cast.Proposal) + 1;
                }

                checkpoint = stored.Position;   // save it with the read model, in the same transaction
            }
        }
        #endregion

        return ballots;
    }

    public static async Task<PostgreSqlEventStore> PostgreSqlAsync(string connectionString)
    {
        #region snippet:postgresql
        // Several hosts, one database: same contract, same AggregateStore. Creates its schema on first use.
        var events = await PostgreSqlEventStore.OpenAsync(connectionString, schema: "coalitions");
        var store = new AggregateStore(events, SystemClock.Instance);
        #endregion

        _ = store;
        return events;
    }

    public static EventSerializer WithUpcaster()
    {
        #region snippet:upcasting
        // An event stored by an older version still loads: here version 1 of ReviewScheduled named its date "reviewDate".
        var serializer = new EventSerializer([
            EventUpcaster.Reshape("Decisions.ReviewScheduled", fromVersion: 1, json =>
            {
                json["reviewOn"] = json["reviewDate"]?.DeepClone();
                json.Remove("reviewDate");
                return json;
            }),
        ]);
        var store = new AggregateStore(new InMemoryEventStore(), SystemClock.Instance, new AggregateStoreOptions { Serializer = serializer });
        #endregion

        _ = store;
        _ = typeof(JsonObject);
        return serializer;
    }
}
