using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Resources;

/// <summary>
/// Each command of a pledge at its boundary: who may act and for which coalition, the day a pledge is made and a
/// receipt dated, what remains of a pledge to the last unit, the step a closed pledge refuses, its status on the edges
/// of its days, and the words of each refusal.
/// </summary>
public class PledgeCommandTests
{
    /// <summary>How the joint-work rooms refuse a coalition that is not the aggregate's own.</summary>
    internal const string OtherCoalition = "The coalition given, Another coalition, is not the one this belongs to.";

    private static readonly LocalDate Today = new(2026, 3, 2);
    private readonly CoalitionAggregate _coalition = Coalition();

    private static PledgeReceipt Receipt(decimal amount, LocalDate? on = null, string? note = null) => new(on ?? Today, Kes(amount), Note: note);

    private Pledge Made(decimal amount = 100m) => Pledge.Make(PledgeNumber(1), MoneyPledge(2, amount), _coalition, For(2), Start);

    private Pledge Time(decimal hours = 40m) => Pledge.Make(PledgeNumber(2), TimePledge(2, hours), _coalition, For(2), Start);

    // Each command as the given actor for the given coalition, with the code its authorization refuses with and who may act.
    private static IEnumerable<(string Name, ErrorCode Refused, Actor Allowed, Action<Pledge, CoalitionAggregate, Actor> Run)> Commands() =>
    [
        ("record a receipt", ErrorCodes.Coalitions.NotACoordinator, Secretariat, (p, c, by) => p.RecordReceipt(Receipt(1m), c, by, Start)),
        ("withdraw", ErrorCodes.Resources.NotADelegate, For(2), (p, c, by) => p.Withdraw("Our grant fell through.", c, by, Start)),
    ];

    [Fact]
    public void Every_command_is_refused_to_one_who_may_not_act_for_another_coalition_and_without_a_coalition()
    {
        foreach (var (name, refused, allowed, run) in Commands())
        {
            var pledge = Made();
            CommandBoundary.Holds(pledge, name, refused, (c, by) => run(pledge, c, by), _coalition, [For(7), For(3)], allowed, AnotherWith(2), OtherCoalition);
        }
    }

    [Fact]
    public void A_pledge_is_made_by_a_delegate_of_an_active_member_of_its_own_coalition_with_an_id()
    {
        Assert.True(Refusal.Of(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2), null!, For(2), Start), ErrorCodes.Resources.NotADelegate).IsAuthorizationRefusal);
        Assert.True(Refusal.Of(() => Pledge.Make(PledgeNumber(1), null!, _coalition, For(2), Start), ErrorCodes.Resources.NotADelegate).IsAuthorizationRefusal);
        Assert.Equal(
            $"Person {Person(2)} acting for partner {Partner(2)} may not make a new pledge: only a delegate of the pledging member, acting for it may.",
            Refusal.Of(() => Pledge.Make(PledgeNumber(1), MoneyPledge(3), _coalition, For(2), Start), ErrorCodes.Resources.NotADelegate).Message);
        Refusal.Of(() => Pledge.Make(default, MoneyPledge(2), _coalition, For(2), Start), ErrorCodes.Kernel.EmptyId);
        Assert.Equal(
            "The coalition given, Another coalition, is not the one this belongs to.",
            Refusal.Of(() => Pledge.Make(PledgeNumber(1), MoneyPledge(2), AnotherWith(2), For(2), Start), ErrorCodes.Coalitions.OtherCoalition).Message);
    }

    [Fact]
    public void A_pledge_keeps_its_words_trimmed_the_day_it_was_made_in_the_coalition_s_zone_and_nothing_received()
    {
        var late = Instant.FromUtc(2026, 3, 2, 22, 0);

        var money = Pledge.Make(PledgeNumber(1), MoneyPledge(2) with { Description = "  Our share  " }, _coalition, For(2), late);
        var time = Time();

        Assert.Equal(("Our share", new LocalDate(2026, 3, 3), (Money?)Kes(0m), 0m), (money.Offer.Description, money.MadeOn, money.AmountReceived, money.HoursReceived));
        Assert.Equal((Today, (Money?)null, PledgeStatus.Pledged), (time.MadeOn, time.AmountReceived, time.StatusOn(Today)));
        Assert.False(money.IsReceivedInFull);
    }

    [Fact]
    public void A_receipt_is_dated_up_to_today_numbered_in_turn_with_its_note_trimmed_or_none()
    {
        var pledge = Made();

        Assert.Equal(
            "A receipt is recorded once it happened: 3 March 2026 is after today, 2 March 2026.",
            Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(Receipt(1m, Today.PlusDays(1)), _coalition, Secretariat, Start)).Message);
        Assert.Contains("'received on'", Refusal.Expect(pledge, ErrorCodes.Kernel.OutOfRange, () => pledge.RecordReceipt(Receipt(1m, new LocalDate(1899, 12, 31)), _coalition, Secretariat, Start)).Message, StringComparison.Ordinal);
        Assert.StartsWith("The note ", Refusal.Expect(pledge, ErrorCodes.Kernel.InvalidText, () => pledge.RecordReceipt(Receipt(1m, note: new string('x', 2_001)), _coalition, Secretariat, Start)).Message, StringComparison.Ordinal);
        Refusal.Expect(pledge, ErrorCodes.Kernel.InvalidInput, () => pledge.RecordReceipt(null!, _coalition, Secretariat, Start));

        var first = pledge.RecordReceipt(Receipt(1m, note: "  "), _coalition, Secretariat, Start);
        var second = pledge.RecordReceipt(Receipt(2m, Today.PlusDays(-1), " M-Pesa 7QX2 "), _coalition, Secretariat, Start);

        Assert.Equal(new RecordedReceipt(1, Today, Kes(1m), null, null), first);
        Assert.Equal(new RecordedReceipt(2, Today.PlusDays(-1), Kes(2m), null, "M-Pesa 7QX2"), second);
        Assert.Equal([first, second], pledge.Receipts);
        Assert.Equal(Kes(3m), pledge.AmountReceived);
    }

    [Fact]
    public void A_receipt_of_exactly_what_remains_completes_the_pledge_on_the_day_received()
    {
        var pledge = Made();
        pledge.RecordReceipt(Receipt(60m, new LocalDate(2026, 2, 27)), _coalition, Secretariat, Start);

        Assert.Equal(
            "This receipt does not fit the money pledge 'Our share of the reading fund': only 40 KES remains of the pledge; a gift beyond it is a new pledge.",
            Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(Receipt(40.01m), _coalition, Secretariat, Start)).Message);

        pledge.RecordReceipt(Receipt(40m, new LocalDate(2026, 3, 1)), _coalition, Secretariat, Start);

        Assert.Equal(new LocalDate(2026, 3, 1), pledge.ReceivedInFullOn);
        Assert.Equal(PledgeStatus.PartlyReceived, pledge.StatusOn(new LocalDate(2026, 2, 28)));
        Assert.Equal(PledgeStatus.Received, pledge.StatusOn(new LocalDate(2026, 3, 1)));
        Assert.Equal(
            "The money pledge 'Our share of the reading fund' is received on 2 March 2026; it cannot take a receipt now.",
            Refusal.Expect(pledge, ErrorCodes.Resources.PledgeClosed, () => pledge.RecordReceipt(Receipt(1m), _coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void A_receipt_of_money_states_an_amount_in_the_pledge_s_currency_and_no_hours()
    {
        var pledge = Made();

        Assert.Equal(
            "This receipt does not fit the money pledge 'Our share of the reading fund': a receipt of money states an amount and no hours.",
            Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(Today, Hours: 1m), _coalition, Secretariat, Start)).Message);
        Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(Today, Kes(1m), 1m), _coalition, Secretariat, Start));
        Assert.Equal(
            "This receipt does not fit the money pledge 'Our share of the reading fund': the pledge is in KES; money is never converted, so a receipt in USD is a new pledge.",
            Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(new PledgeReceipt(Today, new Money(1m, "USD")), _coalition, Secretariat, Start)).Message);
        Assert.StartsWith(
            "This receipt does not fit the money pledge 'Our share of the reading fund': the amount ",
            Refusal.Expect(pledge, ErrorCodes.Resources.InvalidReceipt, () => pledge.RecordReceipt(Receipt(-1m), _coalition, Secretariat, Start)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_of_time_states_hours_up_to_what_remains_and_no_amount()
    {
        var time = Time(40m);
        time.RecordReceipt(new PledgeReceipt(Today, Hours: 15.5m), _coalition, Secretariat, Start);

        Assert.Equal(
            "This receipt does not fit the expertise pledge 'Trainers for the reading camps': a receipt of time states hours and no amount.",
            Refusal.Expect(time, ErrorCodes.Resources.InvalidReceipt, () => time.RecordReceipt(new PledgeReceipt(Today), _coalition, Secretariat, Start)).Message);
        Refusal.Expect(time, ErrorCodes.Resources.InvalidReceipt, () => time.RecordReceipt(new PledgeReceipt(Today, Kes(1m), 1m), _coalition, Secretariat, Start));
        Assert.Equal(
            "This receipt does not fit the expertise pledge 'Trainers for the reading camps': only 24.5 hours remain of the pledge.",
            Refusal.Expect(time, ErrorCodes.Resources.InvalidReceipt, () => time.RecordReceipt(new PledgeReceipt(Today, Hours: 24.6m), _coalition, Secretariat, Start)).Message);
        Assert.StartsWith(
            "This receipt does not fit the expertise pledge 'Trainers for the reading camps': the hours ",
            Refusal.Expect(time, ErrorCodes.Resources.InvalidReceipt, () => time.RecordReceipt(new PledgeReceipt(Today, Hours: -1m), _coalition, Secretariat, Start)).Message,
            StringComparison.Ordinal);

        time.RecordReceipt(new PledgeReceipt(Today, Hours: 24.5m), _coalition, Secretariat, Start);

        Assert.Equal((40m, (LocalDate?)Today), (time.HoursReceived, time.ReceivedInFullOn));
    }

    [Fact]
    public void Goods_in_kind_are_received_whole_without_an_amount_or_hours()
    {
        var books = Pledge.Make(PledgeNumber(3), new PledgeOffer(TheCoalition, Partner(3), ContributionKind.InKind, "Two hundred storybooks", new LocalDate(2026, 5, 1), Kes(60_000m)), _coalition, For(3), Start);

        Assert.Equal(
            "This receipt does not fit the in-kind pledge 'Two hundred storybooks': goods in kind are received whole, without an amount or hours.",
            Refusal.Expect(books, ErrorCodes.Resources.InvalidReceipt, () => books.RecordReceipt(Receipt(1m), _coalition, Secretariat, Start)).Message);
        Refusal.Expect(books, ErrorCodes.Resources.InvalidReceipt, () => books.RecordReceipt(new PledgeReceipt(Today, Hours: 1m), _coalition, Secretariat, Start));
        Assert.Null(books.AmountReceived);
    }

    [Fact]
    public void A_pledge_records_a_thousand_receipts_at_most()
    {
        var pledge = Made(2_000m);
        for (var n = 1; n <= 1_000; n++)
        {
            pledge.RecordReceipt(Receipt(1m), _coalition, Secretariat, Start);
        }

        Assert.Equal(
            "The money pledge 'Our share of the reading fund' has 1,000 receipts, the most one pledge records.",
            Refusal.Expect(pledge, ErrorCodes.Kernel.OutOfRange, () => pledge.RecordReceipt(Receipt(1m), _coalition, Secretariat, Start)).Message);
    }

    [Fact]
    public void A_withdrawn_pledge_is_withdrawn_from_that_day_and_a_pledge_with_a_receipt_cannot_be()
    {
        var withdrawn = Made();
        var partly = Made();
        partly.RecordReceipt(Receipt(1m), _coalition, Secretariat, Start);

        Refusal.Expect(withdrawn, ErrorCodes.Kernel.InvalidText, () => withdrawn.Withdraw(" ", _coalition, For(2), Start));
        withdrawn.Withdraw(" Our grant fell through. ", _coalition, For(2), OnDate(2026, 3, 4));

        Assert.Equal(new LocalDate(2026, 3, 4), withdrawn.WithdrawnOn);
        Assert.Equal("Our grant fell through.", Assert.IsType<PledgeWithdrawn>(withdrawn.DequeueUncommittedEvents()[^1]).Reason);
        Assert.Equal(PledgeStatus.Pledged, withdrawn.StatusOn(new LocalDate(2026, 3, 3)));
        Assert.Equal(PledgeStatus.Withdrawn, withdrawn.StatusOn(new LocalDate(2026, 3, 4)));
        Assert.Equal(
            "The money pledge 'Our share of the reading fund' is withdrawn on 5 March 2026; it cannot be withdrawn now.",
            Refusal.Expect(withdrawn, ErrorCodes.Resources.PledgeClosed, () => withdrawn.Withdraw("Again.", _coalition, For(2), OnDate(2026, 3, 5))).Message);
        Assert.Equal(
            "The money pledge 'Our share of the reading fund' is partly received on 2 March 2026; it cannot be withdrawn now.",
            Refusal.Expect(partly, ErrorCodes.Resources.PledgeClosed, () => partly.Withdraw("Changed our mind.", _coalition, For(2), Start)).Message);
    }

    [Fact]
    public void A_lapsed_pledge_with_nothing_received_may_still_be_withdrawn()
    {
        var pledge = Made();

        pledge.Withdraw("The due date passed.", _coalition, For(2), OnDate(2026, 7, 2));

        Assert.Equal(PledgeStatus.Lapsed, pledge.StatusOn(new LocalDate(2026, 7, 1)));
        Assert.Equal(PledgeStatus.Withdrawn, pledge.StatusOn(new LocalDate(2026, 7, 2)));
    }

    [Fact]
    public void Whether_a_receipt_could_be_recorded_names_the_first_reason_it_could_not()
    {
        var pledge = Made();

        Assert.True(pledge.CanRecordReceipt(Receipt(100m), Start).IsAllowed);
        Assert.Equal(
            "A receipt is recorded once it happened: 3 March 2026 is after today, 2 March 2026.",
            pledge.CanRecordReceipt(Receipt(1m, Today.PlusDays(1)), Start).Failures.Single().Message);
        Assert.True(pledge.CanRecordReceipt(null!, Start).Has(ErrorCodes.Kernel.InvalidInput));
        Assert.True(pledge.CanRecordReceipt(Receipt(1m), Instant.MinValue).Has(ErrorCodes.Kernel.OutOfRange));
        Assert.Equal(1, pledge.Version);

        pledge.Withdraw("Our grant fell through.", _coalition, For(2), Start);

        Assert.True(pledge.CanRecordReceipt(Receipt(1m), Start).Has(ErrorCodes.Resources.PledgeClosed));
    }

    [Fact]
    public void A_refusal_names_a_long_description_by_its_first_words()
    {
        var sixty = new string('a', 60);
        var longer = new string('b', 57) + "cdef";
        var whole = Pledge.Make(PledgeNumber(1), MoneyPledge(2) with { Description = sixty }, _coalition, For(2), Start);
        var cut = Pledge.Make(PledgeNumber(2), MoneyPledge(2) with { Description = longer }, _coalition, For(2), Start);
        var lines = Pledge.Make(PledgeNumber(3), MoneyPledge(2) with { Description = "Two lines\nof text" }, _coalition, For(2), Start);

        Assert.Contains($"'{new string('b', 57)}...'", Refusal.Expect(cut, ErrorCodes.Resources.InvalidReceipt, () => cut.RecordReceipt(new PledgeReceipt(Today, Hours: 1m), _coalition, Secretariat, Start)).Message, StringComparison.Ordinal);
        Assert.Contains($"'{sixty}'", Refusal.Expect(whole, ErrorCodes.Resources.InvalidReceipt, () => whole.RecordReceipt(new PledgeReceipt(Today, Hours: 1m), _coalition, Secretariat, Start)).Message, StringComparison.Ordinal);
        Assert.Contains("'Two lines of text'", Refusal.Expect(lines, ErrorCodes.Resources.InvalidReceipt, () => lines.RecordReceipt(new PledgeReceipt(Today, Hours: 1m), _coalition, Secretariat, Start)).Message, StringComparison.Ordinal);
    }
}
