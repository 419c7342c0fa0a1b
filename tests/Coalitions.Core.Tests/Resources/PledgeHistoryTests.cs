using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Resources;

/// <summary>A stored pledge is untrusted: each receipt or withdrawal that could not have happened is refused with its reason.</summary>
public class PledgeHistoryTests
{
    private static readonly LocalDate May = new(2026, 5, 4);

    private static List<IDomainEvent> Made(PledgeOffer? offer = null) =>
        [.. Pledge.Make(PledgeNumber(1), offer ?? MoneyPledge(2, 100_000m), Coalition(), For(2), Start).DequeueUncommittedEvents()];

    private static PledgeReceiptRecorded Receipt(int number, Money? amount = null, decimal? hours = null, LocalDate? on = null) =>
        new(PledgeNumber(1), new RecordedReceipt(number, on ?? May, amount, hours, null), OnDate(2026, 5, 4), Secretariat);

    private static PledgeWithdrawn Withdrawn() => new(PledgeNumber(1), May, "Our budget was cut.", OnDate(2026, 5, 4), For(2));

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(Pledge.Rehydrate, history, why, next);

    [Fact]
    public void A_stored_pledge_is_made_well_formed_in_a_known_time_zone()
    {
        var made = (PledgeMade)Made()[0];

        Corrupt([], "the pledge is ill-formed or names an unknown time zone.", made with { TimeZone = "Nairobi" });
        Corrupt([], "the pledge is ill-formed or names an unknown time zone.", made with { Offer = made.Offer with { Description = " " } });
    }

    [Fact]
    public void Stored_receipts_are_numbered_in_turn_and_stop_once_the_pledge_is_received_in_full_or_withdrawn()
    {
        Corrupt(Made(), "the receipt is not numbered next.", Receipt(2, Kes(1_000m)));
        Corrupt([.. Made(), Receipt(1, Kes(1_000m))], "the receipt is not numbered next.", Receipt(1, Kes(1_000m)));
        Corrupt([.. Made(), Receipt(1, Kes(100_000m))], "the pledge is withdrawn or received in full.", Receipt(2, Kes(1m)));
        Corrupt([.. Made(), Withdrawn()], "the pledge is withdrawn or received in full.", Receipt(1, Kes(1m)));

        Assert.Equal(Kes(100_000m), Pledge.Rehydrate([.. Made(), Receipt(1, Kes(40_000m)), Receipt(2, Kes(60_000m))]).AmountReceived);
    }

    [Fact]
    public void A_stored_receipt_of_money_is_in_the_pledge_s_currency_and_within_what_remains()
    {
        Corrupt(Made(), "a receipt of money states an amount and no hours.", Receipt(1, hours: 10m));
        Corrupt(Made(), "a receipt of money states an amount and no hours.", Receipt(1, Kes(1_000m), 10m));
        Corrupt(Made(), "the pledge is in KES; money is never converted, so a receipt in USD is a new pledge.", Receipt(1, new Money(100m, "USD")));
        Corrupt([.. Made(), Receipt(1, Kes(60_000m))], "only 40,000 KES remains of the pledge; a gift beyond it is a new pledge.", Receipt(2, Kes(40_000.01m)));
        Corrupt(Made(), "its date lies outside the years 1900 to 2999.", Receipt(1, Kes(1m), on: new LocalDate(1899, 12, 31)));
    }

    [Fact]
    public void A_stored_receipt_of_time_states_hours_within_what_remains_and_goods_come_whole()
    {
        var time = Made(TimePledge(2, 40m));

        Corrupt(time, "a receipt of time states hours and no amount.", Receipt(1, Kes(1m)));
        Corrupt(time, "a receipt of time states hours and no amount.", Receipt(1));
        Corrupt([.. time, Receipt(1, hours: 30m)], "only 10 hours remain of the pledge.", Receipt(2, hours: 10.5m));
        Assert.Equal(40m, Pledge.Rehydrate([.. time, Receipt(1, hours: 30m), Receipt(2, hours: 10m)]).HoursReceived);

        var goods = Made(TimePledge(2) with { Kind = ContributionKind.InKind, Hours = null, Description = "Two hundred storybooks" });
        Corrupt(goods, "goods in kind are received whole, without an amount or hours.", Receipt(1, hours: 1m));
        Assert.Single(Pledge.Rehydrate([.. goods, Receipt(1)]).Receipts);
    }

    [Fact]
    public void A_stored_pledge_is_withdrawn_once_and_only_before_anything_of_it_was_received()
    {
        Corrupt([.. Made(), Withdrawn()], "the pledge is already withdrawn, or something of it was received.", Withdrawn());
        Corrupt([.. Made(), Receipt(1, Kes(1m))], "the pledge is already withdrawn, or something of it was received.", Withdrawn());

        Assert.Equal(May, Pledge.Rehydrate([.. Made(), Withdrawn()]).WithdrawnOn);
    }
}
