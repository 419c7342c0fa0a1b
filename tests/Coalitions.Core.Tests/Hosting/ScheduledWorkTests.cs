using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Hosting;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Hosting;

public class ScheduledWorkTests
{
    private readonly ScheduledWork _schedule = new();

    /// <summary>The scenario's clauses and commitments, in force from 2026-03-02 until <paramref name="end"/> with that notice period.</summary>
    private static AgreementText TextEnding(LocalDate end, Period notice) =>
        new(AgreementScenario.Clauses(), AgreementScenario.Commitments(), new AgreementTerms(new LocalDate(2026, 3, 2), end, notice));

    [Fact]
    public void A_vote_falls_due_at_its_deadline_and_names_the_command_that_closes_it()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        var deadline = proposal.Deadline!.Value;

        Assert.Empty(_schedule.DueAt(deadline - Duration.Epsilon));
        var due = Assert.Single(_schedule.DueAt(deadline));
        Assert.Equal((DueKind.RoundDeadline, ScheduledCommand.CloseProposal, proposal.StreamName, 1, deadline), (due.Kind, due.Command, due.StreamName, due.Round!.Value, due.DueAt));
        Assert.Equal(deadline, _schedule.NextDue);
    }

    [Fact]
    public void An_extended_deadline_moves_the_vote_and_a_closed_round_is_no_longer_due()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        var later = proposal.Deadline!.Value + Duration.FromDays(2);

        _schedule.Apply(proposal.StreamName, new DeadlineExtended(proposal.Id, 1, later, Hours(3), Actor.System("late-quorum rule")));
        Assert.Equal(later, Assert.Single(_schedule.DueAt(later)).DueAt);

        proposal.Vote(2, Stance.Support, 4);
        proposal.Vote(3, Stance.Support, 5);
        proposal.Close(ChairActor, Hours(6));
        Feed(proposal);
        Assert.Empty(_schedule.DueAt(later));
    }

    [Fact]
    public void A_deadline_extended_after_a_runner_dropped_the_round_is_scheduled_again()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        var item = Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines));

        _schedule.Done(item.Key);
        _schedule.Apply(proposal.StreamName, new DeadlineExtended(proposal.Id, 1, HostingScenario.AfterTheDeadlines, Hours(3), Actor.System("late-quorum rule")));

        Assert.Equal(item.Key, Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines)).Key);
    }

    [Fact]
    public void A_silence_procedure_falls_due_as_such()
    {
        var proposal = Voting(DecisionRule.SilenceProcedure(Duration.FromHours(72)), Members(3));
        Feed(proposal);

        var due = Assert.Single(_schedule.DueAt(Start + Duration.FromHours(72)));
        Assert.Equal((DueKind.SilenceProcedureEnds, ScheduledCommand.CloseProposal), (due.Kind, due.Command));
    }

    [Fact]
    public void A_poll_falls_due_at_its_deadline_until_it_is_closed()
    {
        var poll = HostingScenario.OpenPoll(1);
        Feed(poll);
        var due = Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines));
        Assert.Equal((DueKind.PollDeadline, ScheduledCommand.ClosePoll, poll.Deadline!.Value), (due.Kind, due.Command, due.DueAt));

        poll.Close(Actor.System("scheduler"), HostingScenario.AfterTheDeadlines);
        Feed(poll);

        Assert.Empty(_schedule.DueAt(HostingScenario.AfterTheDeadlines));
    }

    [Fact]
    public void A_review_falls_due_at_the_start_of_its_date_in_the_coalitions_time_zone()
    {
        Feed(CoalitionScenario.Founded());
        Feed(ReviewedVote(1, new LocalDate(2027, 3, 1)));

        var due = Assert.Single(_schedule.DueAt(Instant.FromUtc(2027, 3, 1, 0, 0)));
        Assert.Equal((DueKind.ReviewDue, Instant.FromUtc(2027, 2, 28, 21, 0)), (due.Kind, due.DueAt));
        Assert.True(due.IsNotice);
    }

    [Fact]
    public void An_agreement_in_force_gives_notice_of_its_end_and_of_each_commitment_until_it_is_met()
    {
        var agreement = AgreementScenario.SignedByAll();
        Feed(agreement);

        var due = _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0));
        Assert.Equal(
            [
                (DueKind.CommitmentDue, Instant.FromUtc(2026, 4, 30, 0, 0), "secretariat-time"),
                (DueKind.CommitmentDue, Instant.FromUtc(2026, 6, 30, 0, 0), "reading-fund"),
                (DueKind.CommitmentDue, Instant.FromUtc(2026, 9, 30, 0, 0), "baseline-study"),
                (DueKind.AgreementExpiring, Instant.FromUtc(2026, 12, 2, 0, 0), null),
                (DueKind.AgreementExpires, Instant.FromUtc(2027, 3, 2, 0, 0), null),
            ],
            due.Select(d => (d.Kind, d.DueAt, d.Subject)));

        agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), null, For(2), Instant.FromUtc(2026, 6, 1, 9, 0));
        Feed(agreement);
        Assert.DoesNotContain(_schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)), d => d.Subject == "reading-fund");

        agreement.Terminate("The coalition dissolved.", CoalitionScenario.Adopted(MatterType.Dissolve), For(1), Instant.FromUtc(2026, 7, 1, 9, 0));
        Feed(agreement);
        Assert.Empty(_schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)));
    }

    [Fact]
    public void A_membership_term_ends_then_lapses_after_its_grace_period_unless_renewed()
    {
        var coalition = CoalitionScenario.ActiveWith(founders: 3);
        Feed(coalition);
        var nairobiMidnight = Duration.FromHours(-3);

        var member1 = _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)).Where(d => d.Subject == Partner(1).ToString()).ToArray();
        Assert.Equal(
            [
                (DueKind.MembershipTermEnds, Instant.FromUtc(2027, 3, 2, 0, 0) + nairobiMidnight),
                (DueKind.MembershipLapses, Instant.FromUtc(2027, 6, 2, 0, 0) + nairobiMidnight),
            ],
            member1.Select(d => (d.Kind, d.DueAt)));

        coalition.Renew(Partner(1), CoalitionScenario.Secretariat, CoalitionScenario.OnDate(2027, 2, 1));
        coalition.Withdraw(Partner(2), null, For(2), CoalitionScenario.OnDate(2027, 2, 1));
        Feed(coalition);

        var due = _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0));
        Assert.DoesNotContain(due, d => d.Subject == Partner(2).ToString());
        Assert.Equal(Instant.FromUtc(2028, 3, 2, 0, 0) + nairobiMidnight, _schedule.DueAt(Instant.FromUtc(2029, 1, 1, 0, 0)).Single(d => d.Subject == Partner(1).ToString() && d.Kind == DueKind.MembershipTermEnds).DueAt);
    }

    [Fact]
    public async Task The_projection_reads_the_log_from_its_position_and_ignores_what_is_not_a_domain_event()
    {
        var events = new InMemoryEventStore();
        var store = new AggregateStore(events, new NodaTime.Testing.FakeClock(Start));
        await HostingScenario.SaveDueWorkAsync(store, votes: 2, polls: 1);
        await events.AppendAsync("host-audit", 0, [new EventData(Guid.NewGuid(), "Host.SomethingElse", 1, Start, "{}", "{}")]);

        var read = await _schedule.CatchUpAsync(events);

        Assert.Equal((int)events.Count, read);
        Assert.Equal(events.Count, _schedule.Position);
        Assert.Equal(3, _schedule.DueAt(HostingScenario.AfterTheDeadlines).Count);
        Assert.Equal(0, await _schedule.CatchUpAsync(events));
    }

    [Fact]
    public void A_scheduled_meeting_is_reminded_a_day_before_and_a_postponed_one_is_not()
    {
        var meeting = MeetingScenario.Scheduled();
        Feed(meeting);

        var reminder = Assert.Single(_schedule.DueAt(MeetingScenario.Tuesday - Duration.FromDays(1)));
        Assert.Equal((DueKind.MeetingReminder, true), (reminder.Kind, reminder.IsNotice));

        meeting.Postpone(null, MeetingScenario.ChairOfSteering, Start);
        Feed(meeting);
        Assert.Empty(_schedule.DueAt(MeetingScenario.Tuesday));
    }

    [Fact]
    public void An_action_item_falls_due_at_the_start_of_its_day_in_the_coalition_s_zone_until_it_is_done()
    {
        var meeting = MeetingScenario.Minuted();
        Feed(meeting);
        var startOfDue = Instant.FromUtc(2026, 3, 19, 21, 0);

        var due = _schedule.DueAt(startOfDue).Where(d => d.Kind == DueKind.ActionItemDue).ToArray();

        Assert.Equal("welcome-pack", Assert.Single(due).Subject);
        meeting.CompleteAction(new Core.Meetings.ActionKey("welcome-pack"), new LocalDate(2026, 3, 12), null, For(5), Instant.FromUtc(2026, 3, 12, 12, 0));
        Feed(meeting);
        Assert.DoesNotContain(_schedule.DueAt(startOfDue), d => d.Kind == DueKind.ActionItemDue);
    }

    [Fact]
    public void Nothing_is_next_when_nothing_is_pending_and_the_next_is_the_earliest_pending_work()
    {
        Assert.Null(_schedule.NextDue);
        var first = HostingScenario.OpenVote(1);
        var second = HostingScenario.OpenVote(2);
        Feed(first);
        Feed(second);
        var deadline = second.Deadline!.Value;

        _schedule.Apply(first.StreamName, new DeadlineExtended(first.Id, 1, deadline + Duration.FromDays(2), Hours(3), Actor.System("late-quorum rule")));

        Assert.Equal(deadline, _schedule.NextDue);
    }

    [Fact]
    public void An_extension_of_another_round_or_of_a_closed_round_moves_nothing()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        var deadline = proposal.Deadline!.Value;
        var later = deadline + Duration.FromDays(30);

        _schedule.Apply(proposal.StreamName, new DeadlineExtended(proposal.Id, 2, later, Hours(3), Actor.System("late-quorum rule")));
        Assert.Equal(deadline, Assert.Single(_schedule.DueAt(later)).DueAt);

        proposal.Vote(2, Stance.Support, 4);
        proposal.Vote(3, Stance.Support, 5);
        proposal.Close(ChairActor, Hours(6));
        Feed(proposal);
        _schedule.Apply(proposal.StreamName, new DeadlineExtended(proposal.Id, 1, later, Hours(7), Actor.System("late-quorum rule")));
        Assert.Empty(_schedule.DueAt(later));
    }

    [Fact]
    public void A_withdrawn_proposal_is_no_longer_due()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);

        proposal.Withdraw(null, For(1), Hours(2));
        Feed(proposal);

        Assert.Empty(_schedule.DueAt(HostingScenario.AfterTheDeadlines));
        Assert.Null(_schedule.NextDue);
    }

    [Fact]
    public void Each_vote_and_each_poll_falls_due_on_its_own()
    {
        Feed(HostingScenario.OpenVote(1));
        Feed(HostingScenario.OpenVote(2));
        Feed(HostingScenario.OpenPoll(1));
        Feed(HostingScenario.OpenPoll(2));

        var due = _schedule.DueAt(HostingScenario.AfterTheDeadlines);

        Assert.Equal(4, due.Select(d => d.Key).Distinct().Count());
        Assert.Equal(4, due.Select(d => d.StreamName).Distinct().Count());
    }

    [Fact]
    public void A_review_moved_to_another_date_is_due_only_on_the_new_date_and_each_proposal_has_its_own()
    {
        var first = ReviewedVote(1, new LocalDate(2027, 3, 1));
        var second = ReviewedVote(2, new LocalDate(2027, 3, 1));
        Feed(first);
        Feed(second);
        first.ScheduleReview(new LocalDate(2027, 5, 1), ChairActor, Hours(5));
        Feed(first);

        var due = _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0));

        Assert.Equal(
            [(second.StreamName, Instant.FromUtc(2027, 3, 1, 0, 0)), (first.StreamName, Instant.FromUtc(2027, 5, 1, 0, 0))],
            due.Select(d => (d.StreamName, d.DueAt)));
    }

    [Fact]
    public void A_notice_done_is_not_scheduled_again_for_the_same_date()
    {
        var proposal = ReviewedVote(1, new LocalDate(2027, 3, 1));
        Feed(proposal);
        var notice = Assert.Single(_schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)));

        _schedule.Done(notice.Key);
        proposal.ScheduleReview(new LocalDate(2027, 3, 1), ChairActor, Hours(5));
        Feed(proposal);

        Assert.Empty(_schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)));
    }

    [Fact]
    public void A_suspended_members_term_gives_no_notice_until_it_is_reinstated()
    {
        var coalition = CoalitionScenario.ActiveWith(founders: 3);
        Feed(coalition);
        bool Noticed() => _schedule.DueAt(Instant.FromUtc(2029, 1, 1, 0, 0)).Any(d => d.Subject == Partner(2).ToString());
        Assert.True(Noticed());

        coalition.Suspend(Partner(2), CoalitionScenario.Adopted(MatterType.SuspendMember), CoalitionScenario.Secretariat, CoalitionScenario.OnDate(2026, 6, 1));
        Feed(coalition);
        Assert.False(Noticed());

        coalition.Reinstate(Partner(2), null, CoalitionScenario.Secretariat, CoalitionScenario.OnDate(2026, 7, 1));
        Feed(coalition);
        Assert.True(Noticed());
    }

    [Fact]
    public void Two_agreements_each_give_notice_of_their_own_end()
    {
        var events = AgreementScenario.SignedByAll().DequeueUncommittedEvents();
        foreach (var stream in new[] { "agreement-a", "agreement-b" })
        {
            foreach (var domainEvent in events)
            {
                _schedule.Apply(stream, domainEvent);
            }
        }

        var due = _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0));
        Assert.Equal(2, due.Count(d => d.Kind == DueKind.AgreementExpiring));
        Assert.Equal(2, due.Count(d => d.Kind == DueKind.AgreementExpires));
        Assert.Equal(due.Count, due.Select(d => d.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_log_longer_than_a_batch_is_read_to_its_end_in_one_catch_up()
    {
        var events = new InMemoryEventStore();
        // A first batch exactly 500 records long (the batch size), then the vote.
        await events.AppendAsync("host-audit", 0, Enumerable.Range(1, 500).Select(_ => new EventData(Guid.NewGuid(), "Host.SomethingElse", 1, Start, "{}", "{}")).ToArray());
        await new AggregateStore(events, new NodaTime.Testing.FakeClock(Start)).SaveAsync(HostingScenario.OpenVote(1));

        Assert.Equal((int)events.Count, await _schedule.CatchUpAsync(events));
        Assert.Equal(events.Count, _schedule.Position);
        Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines));
    }

    [Fact]
    public async Task A_hosts_own_projection_loop_applies_envelopes_and_the_position_never_moves_back()
    {
        var events = new InMemoryEventStore();
        await HostingScenario.SaveDueWorkAsync(new AggregateStore(events, new NodaTime.Testing.FakeClock(Start)), votes: 1, polls: 0);
        var envelopes = (await events.ReadAllAsync(0, 100)).Select(EventSerializer.Default.ToEnvelope).ToArray();

        foreach (var envelope in envelopes)
        {
            _schedule.Apply(envelope);
        }

        _schedule.Apply(envelopes[0]);

        Assert.Equal(envelopes[^1].Position, _schedule.Position);
        Assert.Equal(ScheduledCommand.CloseProposal, Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines)).Command);
    }

    [Fact]
    public void A_projection_reads_stored_events_with_the_serializer_it_is_given()
    {
        var reviewDateBecameReviewOn = EventUpcaster.Reshape("Decisions.ReviewScheduled", 1, json =>
        {
            json["reviewOn"] = json["reviewDate"]!.DeepClone();
            json.Remove("reviewDate");
            return json;
        });
        var schedule = new ScheduledWork(new EventSerializer([reviewDateBecameReviewOn]));
        const string StoredReviewScheduledV1 =
            """{"by":{"kind":"Person","person":"b0000000-0000-0000-0000-000000000900"},"$type":"Decisions.ReviewScheduled","proposal":"d0000000-0000-0000-0000-000000000001","reviewDate":"2027-03-01","at":"2026-03-05T09:00:00Z"}""";

        schedule.Apply(new StoredEvent(Guid.NewGuid(), "proposal-1", 5, 5, "Decisions.ReviewScheduled", 1, Start, StoredReviewScheduledV1, "{}"));

        var due = Assert.Single(schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)));
        Assert.Equal((DueKind.ReviewDue, Instant.FromUtc(2027, 3, 1, 0, 0)), (due.Kind, due.DueAt));
    }

    [Fact]
    public void A_notice_record_that_cannot_be_read_is_reported_as_an_unreadable_event_naming_its_position()
    {
        var error = Assert.Throws<StoredEventException>(() =>
            _schedule.Apply(new StoredEvent(Guid.NewGuid(), "notice-1", 1, 7, ScheduledWork.NoticeSentType, 1, Start, "null", "{}")));

        Assert.Equal((ErrorCodes.Kernel.UnreadableEvent, ScheduledWork.NoticeSentType), (error.Code, error.EventType));
        Assert.Equal("The notice record at global position 7 cannot be read: The record is null.", error.Message);
    }

    [Fact]
    public void An_extension_of_a_withdrawn_proposals_round_moves_nothing()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        proposal.Withdraw(null, For(1), Hours(2));
        Feed(proposal);

        _schedule.Apply(proposal.StreamName, new DeadlineExtended(proposal.Id, 1, HostingScenario.AfterTheDeadlines, Hours(3), Actor.System("late-quorum rule")));

        Assert.Null(_schedule.NextDue);
    }

    [Fact]
    public void A_member_who_has_left_gives_no_notice_even_when_a_renewal_follows_in_the_log()
    {
        var coalition = CoalitionScenario.ActiveWith(founders: 3);
        coalition.Withdraw(Partner(2), null, For(2), CoalitionScenario.OnDate(2026, 6, 1));
        Feed(coalition);

        _schedule.Apply(coalition.StreamName, new MembershipRenewed(TheCoalition, Partner(2), new LocalDate(2027, 3, 2), new LocalDate(2028, 3, 1), Hours(3), CoalitionScenario.Secretariat));

        Assert.DoesNotContain(_schedule.DueAt(Instant.FromUtc(2029, 1, 1, 0, 0)), d => d.Subject == Partner(2).ToString());
    }

    [Fact]
    public void Work_marked_done_is_no_longer_due_and_marking_it_again_or_marking_unknown_work_changes_nothing()
    {
        var proposal = HostingScenario.OpenVote(1);
        Feed(proposal);
        var item = Assert.Single(_schedule.DueAt(HostingScenario.AfterTheDeadlines));

        _schedule.Done(item.Key);
        _schedule.Done(item.Key);
        _schedule.Done($"{proposal.StreamName}/round-7");

        Assert.Equal((0, null), (_schedule.Count, _schedule.NextDue));
    }

    [Fact]
    public async Task A_notice_claimed_in_the_log_is_not_scheduled_again_when_its_date_is_set_again()
    {
        var events = new InMemoryEventStore();
        var clock = new NodaTime.Testing.FakeClock(HostingScenario.AfterTheDeadlines);
        var store = new AggregateStore(events, clock);
        var proposal = ReviewedVote(1, new LocalDate(2026, 3, 5));
        await store.SaveAsync(proposal);
        await new ScheduledWorkRunner(store, clock, new ScheduledWorkRunnerOptions { OnNotice = (_, _) => Task.CompletedTask }).RunDueAsync();
        proposal.ScheduleReview(new LocalDate(2026, 3, 5), ChairActor, Hours(5));
        await store.SaveAsync(proposal);

        await _schedule.CatchUpAsync(events);

        Assert.Equal(0, _schedule.Count);
    }

    [Fact]
    public void A_meeting_scheduled_again_is_reminded_only_a_day_before_its_new_start()
    {
        var meeting = MeetingScenario.Scheduled();
        Feed(meeting);
        var nextWeek = MeetingScenario.Tuesday + Duration.FromDays(7);

        meeting.Schedule(nextWeek, Duration.FromHours(1), MeetingScenario.ChairOfSteering, Hours(1));
        Feed(meeting);

        Assert.Equal(nextWeek - Duration.FromDays(1), Assert.Single(_schedule.DueAt(nextWeek)).DueAt);
    }

    [Fact]
    public void An_agreement_revised_before_it_is_signed_gives_notice_of_the_end_its_revised_text_sets()
    {
        var agreement = AgreementScenario.Drafted();
        agreement.Revise(TextEnding(new LocalDate(2027, 6, 30), Period.FromMonths(3)), For(1), Hours(1));
        SignByAll(agreement, 1);
        Feed(agreement);

        Assert.Equal(
            [(DueKind.AgreementExpiring, Instant.FromUtc(2027, 3, 31, 0, 0)), (DueKind.AgreementExpires, Instant.FromUtc(2027, 7, 1, 0, 0))],
            Ends());
    }

    [Fact]
    public void An_amendment_in_force_gives_notice_of_the_end_it_sets_instead_of_the_old_one()
    {
        var agreement = AgreementScenario.SignedByAll();
        Feed(agreement);
        agreement.ProposeAmendment(TextEnding(new LocalDate(2027, 6, 30), Period.FromMonths(3)), null, For(1), AgreementScenario.OnUtc(2026, 4, 1));
        Feed(agreement);
        Assert.Equal(Instant.FromUtc(2027, 3, 2, 0, 0), Ends()[^1].DueAt);

        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), AgreementScenario.OnUtc(2026, 4, 2));
        }

        Feed(agreement);

        Assert.Equal(
            [(DueKind.AgreementExpiring, Instant.FromUtc(2027, 3, 31, 0, 0)), (DueKind.AgreementExpires, Instant.FromUtc(2027, 7, 1, 0, 0))],
            Ends());
    }

    [Fact]
    public void A_waived_commitment_is_no_longer_due()
    {
        var agreement = AgreementScenario.SignedByAll();
        Feed(agreement);

        agreement.Waive("reading-fund", "Funds were cut.", CoalitionScenario.Adopted(MatterType.AmendAgreement), For(1), AgreementScenario.OnUtc(2026, 6, 1));
        Feed(agreement);

        Assert.Equal(["secretariat-time", "baseline-study"], _schedule.DueAt(Instant.FromUtc(2028, 1, 1, 0, 0)).Where(d => d.Kind == DueKind.CommitmentDue).Select(d => d.Subject));
    }

    [Fact]
    public void An_agreement_with_no_notice_period_gives_notice_only_of_its_end()
    {
        var agreement = AgreementScenario.Drafted();
        agreement.Revise(TextEnding(new LocalDate(2027, 3, 1), Period.Zero), For(1), Hours(1));
        SignByAll(agreement, 1);
        Feed(agreement);

        Assert.Equal([(DueKind.AgreementExpires, Instant.FromUtc(2027, 3, 2, 0, 0))], Ends());
    }

    [Fact]
    public void A_membership_with_no_grace_period_gives_notice_only_that_it_lapses()
    {
        var coalition = CoalitionScenario.Founded(terms: new MembershipTerms(Period.FromYears(1), Period.Zero));
        coalition.Join(1);
        Feed(coalition);

        var due = Assert.Single(_schedule.DueAt(Instant.FromUtc(2029, 1, 1, 0, 0)));
        Assert.Equal((DueKind.MembershipLapses, Instant.FromUtc(2027, 3, 2, 0, 0) - Duration.FromHours(3)), (due.Kind, due.DueAt));
    }

    private static void SignByAll(Agreement agreement, double afterHours)
    {
        agreement.Circulate(For(1), Hours(afterHours));
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(afterHours + p));
        }
    }

    private (DueKind Kind, Instant DueAt)[] Ends() =>
        _schedule.DueAt(Instant.FromUtc(2030, 1, 1, 0, 0)).Where(d => d.Kind is DueKind.AgreementExpiring or DueKind.AgreementExpires).Select(d => (d.Kind, d.DueAt)).ToArray();

    private static Proposal ReviewedVote(int number, LocalDate reviewOn)
    {
        var proposal = HostingScenario.OpenVote(number);
        proposal.Vote(2, Stance.Support, 2);
        proposal.Vote(3, Stance.Support, 2);
        proposal.Close(ChairActor, Hours(3));
        proposal.ScheduleReview(reviewOn, ChairActor, Hours(4));
        return proposal;
    }

    private void Feed(IAggregate aggregate)
    {
        foreach (var domainEvent in aggregate.DequeueUncommittedEvents())
        {
            _schedule.Apply(aggregate.StreamName, domainEvent);
        }
    }
}
