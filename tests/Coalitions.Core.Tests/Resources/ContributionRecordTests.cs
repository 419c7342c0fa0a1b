using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

/// <summary>A member's contribution record on a day counts what existed on that day, each pledge once.</summary>
public class ContributionRecordTests
{
    private readonly global::Coalitions.Core.Coalitions.Coalition _coalition = Coalition();

    [Fact]
    public void A_contribution_record_on_a_day_leaves_out_pledges_made_after_it()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), OnDate(2026, 5, 1));

        var record = ContributionRecord.Of(Partner(2), [pledge], new LocalDate(2026, 4, 1));

        Assert.Empty(record.Money);
        Assert.Empty(record.Statuses);
        Assert.Equal("Member 2 on 1 April 2026:\nPledges: none.", record.Describe("Member 2"));
    }

    [Fact]
    public void A_contribution_record_counts_a_pledge_from_an_earlier_day_something_of_it_was_received()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), OnDate(2026, 5, 1));
        pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 4, 20), Kes(30m)), _coalition, Secretariat, OnDate(2026, 5, 1));

        var record = ContributionRecord.Of(Partner(2), [pledge], new LocalDate(2026, 4, 25));

        Assert.Equal([new MoneyContribution(Kes(100m), Kes(30m))], record.Money);
        Assert.Empty(ContributionRecord.Of(Partner(2), [pledge], new LocalDate(2026, 4, 19)).Money);
    }

    [Fact]
    public void A_contribution_record_refuses_a_null_pledge_with_a_coded_error()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);

        Refusal.Of(() => ContributionRecord.Of(Partner(2), [pledge, null!], new LocalDate(2026, 3, 2)), ErrorCodes.Kernel.InvalidInput, "null item");
        Refusal.Of(() => ContributionRecord.Of(Partner(2), null!, new LocalDate(2026, 3, 2)), ErrorCodes.Kernel.InvalidInput);
    }

    [Fact]
    public void A_contribution_record_refuses_a_pledge_loaded_twice_rather_than_count_it_twice()
    {
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);
        var again = Pledge.Rehydrate(pledge.DequeueUncommittedEvents());

        Refusal.Of(() => ContributionRecord.Of(Partner(2), [pledge, pledge], new LocalDate(2026, 3, 2)), ErrorCodes.Kernel.InvalidInput, "twice");
        Refusal.Of(() => ContributionRecord.Of(Partner(2), [pledge, again], new LocalDate(2026, 3, 2)), ErrorCodes.Kernel.InvalidInput, "twice");
    }

    [Fact]
    public void A_contribution_record_adds_up_every_pledge_and_every_receipt_dated_up_to_its_day_and_says_so()
    {
        var day = new LocalDate(2026, 5, 4);
        var first = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 100m), _coalition, For(2), Start);
        first.RecordReceipt(new PledgeReceipt(day, Kes(60m)), _coalition, Secretariat, OnDate(2026, 5, 4));
        first.RecordReceipt(new PledgeReceipt(day.PlusDays(1), Kes(40m)), _coalition, Secretariat, OnDate(2026, 5, 5));
        var second = Pledge.Make(PledgeNumber(2), MoneyPledge(2, 50m), _coalition, For(2), Start);
        second.RecordReceipt(new PledgeReceipt(day.PlusDays(-1), Kes(50m)), _coalition, Secretariat, OnDate(2026, 5, 3));
        var time = Pledge.Make(PledgeNumber(3), TimePledge(2, 40m), _coalition, For(2), Start);
        time.RecordReceipt(new PledgeReceipt(day, Hours: 10m), _coalition, Secretariat, OnDate(2026, 5, 4));
        time.RecordReceipt(new PledgeReceipt(day, Hours: 5m), _coalition, Secretariat, OnDate(2026, 5, 4));
        time.RecordReceipt(new PledgeReceipt(day.PlusDays(1), Hours: 7m), _coalition, Secretariat, OnDate(2026, 5, 5));
        var books = Pledge.Make(PledgeNumber(4), new PledgeOffer(TheCoalition, Partner(2), ContributionKind.InKind, "Storybooks", new LocalDate(2026, 6, 30)), _coalition, For(2), Start);
        books.RecordReceipt(new PledgeReceipt(day, Note: "Delivered to the camps"), _coalition, Secretariat, OnDate(2026, 5, 4));

        var record = ContributionRecord.Of(Partner(2), [first, second, time, books], day);

        Assert.Equal((Kes(150m), Kes(110m)), (record.Money.Single().Pledged, record.Money.Single().Received));
        Assert.Equal((40m, 15m, 1, 1), (record.HoursPledged, record.HoursGiven, record.InKindPledged, record.InKindReceived));
        Assert.Equal(
            "Member 2 on 4 May 2026:\nMoney: 150 KES pledged, 110 KES received.\nStaff time and expertise: 40 hours pledged, 15 given.\nIn kind: 1 pledged, 1 received.\nPledges: 2 partly received and 2 received.",
            record.Describe("Member 2"));
        Assert.Equal("Member 2 on 4 May 2026:\nPledges: none.", ContributionRecord.Of(Partner(2), [], day).Describe("Member 2"));
    }
}
