using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

/// <summary>Stored events are untrusted: a history loads only in an order the lifecycle allows, referring to things that exist.</summary>
public class AgreementHistoryTests
{
    private static readonly LocalDate June = new(2026, 6, 1);

    [Fact]
    public void A_history_where_a_party_signs_before_the_agreement_circulates_is_refused()
    {
        AssertCorrupt(Events(Drafted()), "no version awaits signatures.", Signed(1, 1));
    }

    [Fact]
    public void A_signature_by_a_partner_that_is_not_a_party_is_refused()
    {
        AssertCorrupt(Events(Circulating()), "the partner who signed is not a party.", new AgreementSigned(TheAgreement, 1, Partner(4), Person(4), Hours(1), For(4)));
    }

    [Fact]
    public void A_signature_by_someone_who_is_not_the_partys_signatory_is_refused()
    {
        AssertCorrupt(Events(Circulating()), "the person who signed is not a signatory of the party.", new AgreementSigned(TheAgreement, 1, Partner(1), Person(2), Hours(1), For(2)));
    }

    [Fact]
    public void A_party_signing_the_same_version_twice_is_refused()
    {
        AssertCorrupt(Events(Circulating()), "the party has already signed this version.", Signed(1, 1), Signed(1, 1));
    }

    [Fact]
    public void A_signature_of_a_version_other_than_the_one_circulating_is_refused()
    {
        AssertCorrupt(Events(Circulating()), "the signature is for a version other than the one awaiting signatures.", new AgreementSigned(TheAgreement, 2, Partner(1), Person(1), Hours(1), For(1)));
    }

    [Fact]
    public void Binding_the_parties_before_every_party_has_signed_is_refused()
    {
        AssertCorrupt(Events(Circulating()), "not every party has signed the version.", Signed(1, 1), Signed(1, 2), new AgreementEnteredIntoForce(TheAgreement, 1, Hours(2), For(2)));
    }

    [Fact]
    public void An_amendment_of_an_agreement_not_yet_signed_by_every_party_is_refused()
    {
        var amended = new AgreementVersion(2, Clauses(), Commitments(), Terms(), null);

        AssertCorrupt(Events(Circulating()), "only an agreement every party has signed is amended.", new AmendmentProposed(TheAgreement, amended, Hours(1), For(1)));
    }

    [Fact]
    public void An_amendment_that_moves_the_first_day_or_skips_a_version_number_is_refused()
    {
        var moved = new AgreementVersion(2, Clauses(), Commitments(), Terms() with { EffectiveFrom = new LocalDate(2026, 4, 1) }, null);
        var skipped = new AgreementVersion(3, Clauses(), Commitments(), Terms(), null);

        AssertCorrupt(Events(SignedByAll()), "the amendment moves the agreement's first day.", new AmendmentProposed(TheAgreement, moved, Hours(4), For(1)));
        AssertCorrupt(Events(SignedByAll()), "the amendment does not take the next version number.", new AmendmentProposed(TheAgreement, skipped, Hours(4), For(1)));
    }

    [Fact]
    public void A_revision_after_every_party_signed_or_out_of_sequence_is_refused()
    {
        var revised = new AgreementVersion(1, Clauses("Member 2 hosts the secretariat."), Commitments(), Terms(), null);

        AssertCorrupt(Events(SignedByAll()), "only a draft or a circulating agreement is revised.", new AgreementRevised(TheAgreement, revised, Hours(4), For(1)));
        AssertCorrupt(Events(Circulating()), "a revision keeps the version number before anyone signs it and takes the next one after.", new AgreementRevised(TheAgreement, revised with { Number = 2 }, Hours(1), For(1)));
        AssertCorrupt(Events(Circulating()), "a revision keeps the version number before anyone signs it and takes the next one after.", Signed(1, 1), new AgreementRevised(TheAgreement, revised, Hours(1), For(1)));
    }

    [Fact]
    public void A_version_with_two_clauses_under_one_key_or_a_commitment_by_a_stranger_is_refused()
    {
        Clause[] twice = [Clauses()[0], Clauses()[0] with { Title = "Purpose again" }];
        Commitment[] stranger = [new("advice", Partner(9), CommitmentKind.Expertise, "Advice", June)];

        AssertCorrupt(Events(Drafted()), "two clauses of the version share a key.", new AgreementRevised(TheAgreement, new AgreementVersion(1, twice, Commitments(), Terms(), null), Hours(1), For(1)));
        AssertCorrupt(Events(Drafted()), "a commitment of the version is by a partner that is not a party.", new AgreementRevised(TheAgreement, new AgreementVersion(1, Clauses(), stranger, Terms(), null), Hours(1), For(1)));
    }

    [Fact]
    public void A_drafted_event_with_one_party_a_party_twice_or_a_person_signing_for_two_parties_is_refused()
    {
        var drafted = (AgreementDrafted)Events(Drafted())[0];

        AssertCorrupt([drafted with { Parties = [Party(1)], Version = drafted.Version with { Commitments = [Commitments()[0]] } }], "an agreement has at least two parties.");
        AssertCorrupt([drafted with { Parties = [Party(1), Party(2), Party(2)] }], "it names a party twice.");
        AssertCorrupt([drafted with { Parties = [Party(1), Party(2), Party(3) with { Signatories = [Person(1)] }] }], "a person signs for two parties, or twice for one.");
        AssertCorrupt([drafted with { Version = drafted.Version with { Number = 2 } }], "the first version is number 1.");
    }

    [Fact]
    public void A_fulfilment_of_a_commitment_that_does_not_exist_or_is_already_settled_is_refused()
    {
        AssertCorrupt(Events(SignedByAll()), "the commitment is not one of the binding version.", new CommitmentFulfilled(TheAgreement, "no-such", June, null, OnUtc(2026, 6, 2), For(1)));
        AssertCorrupt(Events(SignedByAll()), "the commitment is already settled.", Fulfilled("reading-fund"), Fulfilled("reading-fund"));
        AssertCorrupt(Events(SignedByAll()), "the commitment is already settled.", Fulfilled("reading-fund"), new CommitmentWaived(TheAgreement, "reading-fund", June, "Waived.", OnUtc(2026, 6, 2), For(1)));
        AssertCorrupt(Events(Circulating()), "commitments are settled only under an agreement every party has signed.", Fulfilled("reading-fund"));
    }

    [Fact]
    public void Notice_by_a_partner_that_is_not_a_party_or_given_twice_is_refused()
    {
        AssertCorrupt(Events(SignedByAll()), "the partner giving notice is not a party.", Notice(4));
        AssertCorrupt(Events(SignedByAll()), "the party has already given notice.", Notice(3), Notice(3));
        AssertCorrupt(Events(Circulating()), "notice is given only under an agreement every party has signed.", Notice(3));
    }

    [Fact]
    public void Nothing_follows_a_termination()
    {
        var terminated = new AgreementTerminated(TheAgreement, "Ended.", Adopted(MatterType.Dissolve), OnUtc(2026, 7, 1), For(1));

        AssertCorrupt(Events(SignedByAll()), "commitments are settled only under an agreement every party has signed.", terminated, Fulfilled("reading-fund"));
        AssertCorrupt(Events(SignedByAll()), "only a circulating or signed agreement is terminated.", terminated, terminated);
        AssertCorrupt(Events(Drafted()), "only a circulating or signed agreement is terminated.", terminated);
    }

    [Fact]
    public void Only_the_latest_draft_circulates_and_only_the_version_awaiting_signatures_binds()
    {
        AssertCorrupt(Events(Drafted()), "it circulates a version other than the latest.", new AgreementCirculated(TheAgreement, 2, Hours(1), For(1)));
        AssertCorrupt(Events(Circulating()), "only a draft is circulated.", new AgreementCirculated(TheAgreement, 1, Hours(1), For(1)));
        AssertCorrupt(Events(Circulating()), "it names a version other than the one awaiting signatures.", Signed(1, 1), Signed(1, 2), Signed(1, 3), new AgreementEnteredIntoForce(TheAgreement, 2, Hours(3), For(3)));
        AssertCorrupt(Events(SignedByAll()), "no version awaits signatures.", Signed(1, 1));
    }

    [Fact]
    public void One_amendment_at_a_time_awaits_signatures_and_a_history_of_an_amendment_signed_by_every_party_loads()
    {
        var amendment = new AgreementVersion(2, Clauses("Member 2 hosts the secretariat."), Commitments(), Terms(), null);
        var agreement = SignedByAll();
        agreement.ProposeAmendment(new AgreementText(Clauses("Member 2 hosts the secretariat."), Commitments(), Terms()), null, For(1), Hours(4));
        for (var p = 1; p <= 3; p++)
        {
            agreement.Sign(Partner(p), For(p), Hours(5));
        }

        var back = Agreement.Rehydrate(Events(agreement));

        AssertCorrupt(Events(SignedByAll()), "an amendment already awaits signatures.", new AmendmentProposed(TheAgreement, amendment, Hours(4), For(1)), new AmendmentProposed(TheAgreement, amendment with { Number = 3 }, Hours(4), For(1)));
        Assert.Equal((2, 6), (back.InForce!.Number, back.Signatures.Count));
        Assert.Equal([1, 1, 1, 2, 2, 2], back.Signatures.Select(s => s.Version));
    }

    [Fact]
    public void A_stored_version_has_clauses_each_key_once_and_commitments_each_key_once_all_by_parties()
    {
        Commitment[] oneByAStranger = [Commitments()[0], new("advice", Partner(9), CommitmentKind.Expertise, "Advice", June)];

        AssertCorrupt(Events(Drafted()), "the version has no clause.", new AgreementRevised(TheAgreement, new AgreementVersion(1, [], Commitments(), Terms(), null), Hours(1), For(1)));
        AssertCorrupt(Events(Drafted()), "two commitments of the version share a key.", new AgreementRevised(TheAgreement, new AgreementVersion(1, Clauses(), [Commitments()[0], Commitments()[0]], Terms(), null), Hours(1), For(1)));
        AssertCorrupt(Events(Drafted()), "a commitment of the version is by a partner that is not a party.", new AgreementRevised(TheAgreement, new AgreementVersion(1, Clauses(), oneByAStranger, Terms(), null), Hours(1), For(1)));
    }

    [Fact]
    public void A_stored_agreement_of_two_parties_loads_and_each_party_has_a_signatory_who_signs_for_it_alone()
    {
        var drafted = (AgreementDrafted)Events(Drafted())[0];
        var twoParties = drafted with { Parties = [Party(1), Party(2)], Version = drafted.Version with { Commitments = Commitments().Take(2).ToArray() } };

        Assert.Equal(2, Agreement.Rehydrate([twoParties]).Parties.Count);
        AssertCorrupt([], "a party has no signatory.", drafted with { Parties = [Party(1), Party(2), Party(3) with { Signatories = [] }] });
        AssertCorrupt([], "a person signs for two parties, or twice for one.", drafted with { Parties = [Party(1), Party(2), Party(3) with { Signatories = [Person(3), Person(1)] }] });
    }

    [Fact]
    public void A_stored_notice_period_with_hours_or_beyond_a_hundred_years_cannot_be_read()
    {
        var json = CoalitionsJson.SerializeEvent(Events(Drafted())[0]);

        foreach (var period in new[] { "PT5H", "P200Y", "P-1M" })
        {
            var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json.Replace("\"P3M\"", $"\"{period}\"", StringComparison.Ordinal)));
            Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        }
    }

    [Fact]
    public void A_stored_commitment_with_hours_or_money_out_of_bounds_cannot_be_read()
    {
        var json = CoalitionsJson.SerializeEvent(Events(Drafted())[0]);

        foreach (var (from, to) in new[] { ("\"hours\":400", "\"hours\":-5"), ("\"amount\":5000", "\"amount\":0"), ("\"due\":\"2026-04-30\"", "\"due\":\"9999-04-30\"") })
        {
            Assert.Contains(from, json, StringComparison.Ordinal);
            var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json.Replace(from, to, StringComparison.Ordinal)));
            Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        }
    }

    [Fact]
    public void Any_history_that_loads_answers_every_query()
    {
        var random = new Random(1202);
        foreach (var history in HouseSeeds())
        {
            for (var trial = 0; trial < 200; trial++)
            {
                var events = history.ToList();
                var i = random.Next(events.Count);
                switch (random.Next(3))
                {
                    case 0: events.RemoveAt(i); break;
                    case 1: events.Insert(i, events[i]); break;
                    default: var j = random.Next(events.Count); (events[i], events[j]) = (events[j], events[i]); break;
                }

                Agreement agreement;
                try
                {
                    agreement = Agreement.Rehydrate(events);
                }
                catch (StoredEventException)
                {
                    continue;
                }

                AnswersEveryQuery(agreement);
            }
        }
    }

    private static IEnumerable<IReadOnlyList<IDomainEvent>> HouseSeeds() => House.HostileCases.Agreement.Seeds();

    private static void AnswersEveryQuery(Agreement agreement)
    {
        Assert.DoesNotContain("<throws", ObservableState.Of(agreement), StringComparison.Ordinal);
        foreach (var date in new[] { Limits.EarliestDate, new LocalDate(2026, 3, 1), June, new LocalDate(2027, 2, 1), new LocalDate(2027, 6, 1), Limits.LatestDate })
        {
            _ = agreement.StatusOn(date);
            foreach (var party in agreement.Parties)
            {
                _ = agreement.CommitmentsOf(party.Partner, date);
                _ = agreement.NoticeRunsUntil(party.Partner);
            }
        }

        for (var v = 1; v <= agreement.Versions.Count; v++)
        {
            _ = agreement.Compare(1, v);
        }
    }

    private static List<IDomainEvent> Events(Agreement agreement) => [.. agreement.DequeueUncommittedEvents()];

    private static AgreementSigned Signed(int version, int party) => new(TheAgreement, version, Partner(party), Person(party), Hours(party), For(party));

    private static CommitmentFulfilled Fulfilled(string key) => new(TheAgreement, key, June, null, OnUtc(2026, 6, 2), For(1));

    private static NoticeGiven Notice(int party) => new(TheAgreement, Partner(party), new LocalDate(2026, 9, 15), null, OnUtc(2026, 6, 15), For(party));

    private static void AssertCorrupt(List<IDomainEvent> history, string why, params IDomainEvent[] more) =>
        StoredHistory.Refused(Agreement.Rehydrate, history, why, more);
}
