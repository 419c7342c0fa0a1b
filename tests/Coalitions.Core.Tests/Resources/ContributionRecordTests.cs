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
}
