using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

public class PledgeTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    [Fact]
    public void A_member_pledges_through_its_own_delegate_and_a_coordinator_records_what_was_received()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 250_000m), _coalition, For(2), Start);

        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), Kes(100_000m)), _coalition, Secretariat, OnDate(2026, 5, 4));

        Assert.Equal(PledgeStatus.PartlyReceived, pledge.StatusOn(new LocalDate(2026, 5, 4)));
        Assert.Equal(Kes(100_000m), pledge.AmountReceived);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 6, 1), Kes(150_000m)), _coalition, Secretariat, OnDate(2026, 6, 1));
        Assert.Equal(PledgeStatus.Received, pledge.StatusOn(new LocalDate(2026, 6, 1)));
        Assert.Equal(new LocalDate(2026, 6, 1), pledge.ReceivedInFullOn);
    }

    [Fact]
    public void Only_a_delegate_of_the_member_pledges_in_its_name()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(3), Start));

        Assert.True(error.Has(ErrorCodes.Resources.NotADelegate));
    }

    [Fact]
    public void Only_a_coordinator_records_a_receipt()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);

        Refusal.Expect(pledge, ErrorCodes.Coalitions.NotACoordinator, () => pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(1m)), _coalition, For(2), Start));
    }

    [Fact]
    public void A_member_that_is_not_active_cannot_pledge()
    {
        _coalition.Suspend(Partner(2), Adopted(Core.Decisions.MatterType.SuspendMember), Secretariat, Hours(1));

        var error = Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Hours(2)));

        Assert.True(error.Has(ErrorCodes.Resources.NotAnActiveMember), error.Message);
    }

    [Fact]
    public void A_pledge_of_money_states_its_amount_and_a_pledge_of_time_its_hours()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2) with { Amount = null }, _coalition, For(2), Start)).Has(ErrorCodes.Resources.InvalidPledge));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), TimePledge(2) with { Hours = null }, _coalition, For(2), Start)).Has(ErrorCodes.Resources.InvalidPledge));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), TimePledge(2) with { Fund = TheFund }, _coalition, For(2), Start)).Has(ErrorCodes.Resources.InvalidPledge));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2, -5m), _coalition, For(2), Start)).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2, 1.00001m), _coalition, For(2), Start)).Has(ErrorCodes.Kernel.OutOfRange));
    }

    [Fact]
    public void Money_is_never_converted_a_receipt_in_another_currency_is_refused()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);

        Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), new Money(100m, "USD")), _coalition, Secretariat, Start));
    }

    [Fact]
    public void A_receipt_never_exceeds_what_remains_of_the_pledge()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(60m)), _coalition, Secretariat, Start);

        var error = Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(41m)), _coalition, Secretariat, Start));

        Assert.Contains("40 KES remains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_is_recorded_once_it_happened()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);

        Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 3), Kes(1m)), _coalition, Secretariat, Start));
    }

    [Fact]
    public void A_pledge_not_received_by_its_due_date_is_lapsed_afterwards_and_a_late_gift_still_counts()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);

        Assert.Equal(PledgeStatus.Pledged, pledge.StatusOn(new LocalDate(2026, 6, 30)));
        Assert.Equal(PledgeStatus.Lapsed, pledge.StatusOn(new LocalDate(2026, 7, 1)));
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 7, 10), Kes(100m)), _coalition, Secretariat, OnDate(2026, 7, 10));
        Assert.Equal(PledgeStatus.Lapsed, pledge.StatusOn(new LocalDate(2026, 7, 9)));
        Assert.Equal(PledgeStatus.Received, pledge.StatusOn(new LocalDate(2026, 7, 10)));
    }

    [Fact]
    public void A_pledge_is_withdrawn_only_before_anything_of_it_was_received()
    {
        var withdrawn = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);
        withdrawn.Withdraw("Our grant fell through.", _coalition, For(2), Hours(1));
        Assert.Equal(PledgeStatus.Withdrawn, withdrawn.StatusOn(new LocalDate(2026, 3, 2)));

        var received = ReceivedPledge(_coalition, 2, 100m, 2);
        Refusal.Expect(received, ErrorCodes.Resources.PledgeClosed, () => received.Withdraw("Changed our mind.", _coalition, For(2), OnDate(2026, 5, 5)));
        Refusal.Expect(withdrawn, ErrorCodes.Resources.PledgeClosed, () => withdrawn.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(1m)), _coalition, Secretariat, Hours(2)));
    }

    [Fact]
    public void What_is_recorded_closes_a_pledge_whatever_day_a_later_command_names()
    {
        var withdrawn = Pledge.Make(PledgeNumber(1), MoneyPledge(2), _coalition, For(2), Start);
        withdrawn.Withdraw("Our grant fell through.", _coalition, For(2), OnDate(2026, 4, 1));
        var received = Pledge.Make(PledgeNumber(2), MoneyPledge(2, 100m), _coalition, For(2), Start);
        received.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 4, 1), Kes(10m)), _coalition, Secretariat, OnDate(2026, 4, 1));

        Refusal.Expect(withdrawn, ErrorCodes.Resources.PledgeClosed, () => withdrawn.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(1m)), _coalition, Secretariat, Start));
        Refusal.Expect(withdrawn, ErrorCodes.Resources.PledgeClosed, () => withdrawn.Withdraw("Again.", _coalition, For(2), Start));
        Refusal.Expect(received, ErrorCodes.Resources.PledgeClosed, () => received.Withdraw("Before the gift.", _coalition, For(2), Start));
    }

    [Fact]
    public void Time_is_received_in_hours_and_goods_in_kind_whole()
    {
        var time = Pledge.Make(PledgeNumber(1), TimePledge(2, 40m), _coalition, For(2), Start);
        time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Hours: 16m), _coalition, Secretariat, Start);
        Refusal.Expect(time, ErrorCodes.Resources.InvalidReceipt, () => time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Kes(5m)), _coalition, Secretariat, Start));

        var books = Pledge.Make(PledgeNumber(2), new PledgeOffer(TheCoalition, Partner(3), ContributionKind.InKind, "Two hundred storybooks", new LocalDate(2026, 5, 1), Kes(60_000m)), _coalition, For(3), Start);
        books.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2)), _coalition, Secretariat, Start);

        Assert.Equal(16m, time.HoursReceived);
        Assert.Equal(PledgeStatus.PartlyReceived, time.StatusOn(new LocalDate(2026, 3, 2)));
        Assert.Equal(PledgeStatus.Received, books.StatusOn(new LocalDate(2026, 3, 2)));
    }

    [Fact]
    public void A_pledge_is_received_in_full_only_from_the_day_its_receipts_add_up_to_it()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 10), Kes(60m)), _coalition, Secretariat, OnDate(2026, 3, 10));
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 5), Kes(40m)), _coalition, Secretariat, OnDate(2026, 3, 12));

        // By 6 March only 40 of the 100 KES had come in; the 60 KES of 10 March completed it.
        Assert.Equal(new LocalDate(2026, 3, 10), pledge.ReceivedInFullOn);
        Assert.Equal(PledgeStatus.PartlyReceived, pledge.StatusOn(new LocalDate(2026, 3, 6)));
        Assert.Equal(PledgeStatus.Received, pledge.StatusOn(new LocalDate(2026, 3, 10)));
        var record = ContributionRecord.Of(Partner(2), [pledge], new LocalDate(2026, 3, 6));
        Assert.Equal(new Dictionary<PledgeStatus, int> { [PledgeStatus.PartlyReceived] = 1 }, record.Statuses);

        // Replay agrees.
        var back = Pledge.Rehydrate(pledge.DequeueUncommittedEvents());
        Assert.Equal(new LocalDate(2026, 3, 10), back.ReceivedInFullOn);
        Assert.Equal(PledgeStatus.PartlyReceived, back.StatusOn(new LocalDate(2026, 3, 6)));
    }

    [Fact]
    public void Hours_given_out_of_date_order_complete_a_pledge_of_time_on_the_day_they_add_up()
    {
        var time = Pledge.Make(PledgeNumber(3), TimePledge(2, 40m), _coalition, For(2), Start);
        time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 20), Hours: 30m), _coalition, Secretariat, OnDate(2026, 3, 20));
        time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 3), Hours: 10m), _coalition, Secretariat, OnDate(2026, 3, 21));

        Assert.Equal(new LocalDate(2026, 3, 20), time.ReceivedInFullOn);
        Assert.Equal(PledgeStatus.PartlyReceived, time.StatusOn(new LocalDate(2026, 3, 19)));
    }

    [Fact]
    public void A_pledge_has_no_status_before_it_existed()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), OnDate(2026, 5, 1));

        Assert.False(pledge.ExistsOn(new LocalDate(2026, 4, 30)));
        Assert.True(pledge.ExistsOn(new LocalDate(2026, 5, 1)));
        Refusal.Of(() => pledge.StatusOn(new LocalDate(2026, 4, 30)), ErrorCodes.Kernel.OutOfRange, "was made on 1 May 2026; it has no status on 30 April 2026");
        Assert.Equal(PledgeStatus.Pledged, pledge.StatusOn(new LocalDate(2026, 5, 1)));

        // A receipt keeps its true date: the pledge exists from the day something of it was received.
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 4, 20), Kes(30m)), _coalition, Secretariat, OnDate(2026, 5, 1));
        Assert.True(pledge.ExistsOn(new LocalDate(2026, 4, 20)));
        Assert.Equal(PledgeStatus.PartlyReceived, pledge.StatusOn(new LocalDate(2026, 4, 20)));
    }

    [Fact]
    public void A_members_contribution_record_adds_money_per_currency_and_hours_and_counts_its_pledges()
    {
        var kes = ReceivedPledge(_coalition, 2, 100_000m, 1);
        var usd = Pledge.Make(PledgeNumber(2), MoneyPledge(2, 500m, "USD"), _coalition, For(2), Start);
        var time = Pledge.Make(PledgeNumber(3), TimePledge(2, 40m), _coalition, For(2), Start);
        time.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 3, 2), Hours: 16m), _coalition, Secretariat, Start);
        var other = ReceivedPledge(_coalition, 3, 50_000m, 4);

        var record = ContributionRecord.Of(Partner(2), [kes, usd, time, other], new LocalDate(2026, 7, 15));

        Assert.Equal([new MoneyContribution(Kes(100_000m), Kes(100_000m)), new MoneyContribution(new Money(500m, "USD"), new Money(0m, "USD"))], record.Money);
        Assert.Equal(
            "Member 2 on 15 July 2026:\nMoney: 100,000 KES pledged, 100,000 KES received.\nMoney: 500 USD pledged, 0 USD received.\n" +
            "Staff time and expertise: 40 hours pledged, 16 given.\nPledges: 1 partly received, 1 received and 1 lapsed.",
            record.Describe("Member 2"));
    }

    [Fact]
    public void A_stored_history_with_a_receipt_beyond_the_pledge_is_refused()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);
        var made = pledge.DequeueUncommittedEvents();
        var receipt = new PledgeReceiptRecorded(PledgeNumber(1), new RecordedReceipt(1, new LocalDate(2026, 3, 2), Kes(101m), null, null), Start, Secretariat);

        var error = Assert.Throws<StoredEventException>(() => Pledge.Rehydrate([.. made, receipt]));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
    }

    [Fact]
    public void A_stored_history_withdrawing_a_pledge_after_a_receipt_is_refused()
    {
        var pledge = ReceivedPledge(_coalition, 2);
        var history = pledge.DequeueUncommittedEvents().Append(new PledgeWithdrawn(PledgeNumber(1), new LocalDate(2026, 5, 5), "Late.", OnDate(2026, 5, 5), For(2)));

        Assert.Throws<StoredEventException>(() => Pledge.Rehydrate(history));
    }

    [Fact]
    public void A_pledge_round_trips_through_json()
    {
        var pledge = ReceivedPledge(_coalition, 2);
        var stored = pledge.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToArray();

        var back = Pledge.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));

        Assert.Equal(ObservableState.Of(pledge), ObservableState.Of(back));
    }
}
