using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AgreementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Agreements;

/// <summary>
/// Random command sequences against a reference model of the agreement lifecycle: the aggregate accepts exactly
/// what the model accepts, a refused command changes nothing, and the events rebuild the same agreement.
/// </summary>
public class AgreementModelTests
{
    private enum Kind
    {
        Revise,
        Circulate,
        Sign,
        Amend,
        Fulfil,
        Terminate,
    }

    [Fact]
    public void An_agreement_follows_its_lifecycle_under_any_sequence_of_commands()
    {
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[1, 3], Gen.Bool, Gen.Int[0, 120]).List[1, 25].Sample(
            list =>
            {
                var agreement = Drafted();
                var history = agreement.DequeueUncommittedEvents().ToList();
                var model = new Model();
                var day = new LocalDate(2026, 3, 2);
                foreach (var (kind, party, proper, gap) in list)
                {
                    day = day.PlusDays(gap);
                    var at = OnUtc(day.Year, day.Month, day.Day);
                    var version = agreement.Version;
                    var expected = model.Accepts(kind, party, proper, day);
                    var accepted = Run(agreement, kind, party, proper, at);
                    if (accepted != expected || (accepted ? agreement.Version <= version : agreement.Version != version))
                    {
                        return false;
                    }

                    if (accepted)
                    {
                        model.Apply(kind, party);
                    }

                    history.AddRange(agreement.DequeueUncommittedEvents());
                    if (agreement.RecordedStatus != model.Status || agreement.Latest.Number != model.Latest || agreement.InForce?.Number != model.InForce)
                    {
                        return false;
                    }
                }

                var rebuilt = Agreement.Rehydrate(history);
                return rebuilt.Version == agreement.Version && rebuilt.RecordedStatus == agreement.RecordedStatus && rebuilt.Latest.Number == agreement.Latest.Number;
            },
            iter: 300);
    }

    private static bool Run(Agreement agreement, Kind kind, int party, bool proper, Instant at)
    {
        try
        {
            switch (kind)
            {
                case Kind.Revise: agreement.Revise(Text($"Roles revised at {at}."), For(1), at); break;
                case Kind.Circulate: agreement.Circulate(For(1), at); break;
                case Kind.Sign: agreement.Sign(Partner(party), proper ? For(party) : For((party % 3) + 1), at); break;
                case Kind.Amend: agreement.ProposeAmendment(Text($"Roles amended at {at}."), null, For(1), at); break;
                case Kind.Fulfil: agreement.RecordFulfilment("reading-fund", new LocalDate(2026, 6, 1), null, For(2), at); break;
                default: agreement.Terminate("Ended.", CoalitionScenario.Adopted(MatterType.Dissolve), For(1), at); break;
            }

            return true;
        }
        catch (CoalitionRuleException)
        {
            return false;
        }
    }

    private sealed class Model
    {
        private readonly HashSet<(int Version, int Party)> _signed = [];
        private bool _fulfilled;

        public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;

        public int Latest { get; private set; } = 1;

        public int? InForce { get; private set; }

        public bool Accepts(Kind kind, int party, bool proper, LocalDate day)
        {
            var live = Status == AgreementStatus.Signed && day <= new LocalDate(2027, 3, 1);
            return kind switch
            {
                Kind.Revise => Status is AgreementStatus.Draft or AgreementStatus.Circulating,
                Kind.Circulate => Status == AgreementStatus.Draft,
                Kind.Sign => proper && !_signed.Contains((Latest, party)) && (Status == AgreementStatus.Circulating || (live && Latest > InForce)),
                Kind.Amend => live && Latest == InForce,
                Kind.Fulfil => Status == AgreementStatus.Signed && !_fulfilled,
                _ => Status == AgreementStatus.Circulating || live,
            };
        }

        public void Apply(Kind kind, int party)
        {
            switch (kind)
            {
                case Kind.Revise:
                    Latest += _signed.Any(s => s.Version == Latest) ? 1 : 0;
                    break;
                case Kind.Circulate:
                    Status = AgreementStatus.Circulating;
                    break;
                case Kind.Sign:
                    _signed.Add((Latest, party));
                    if (Enumerable.Range(1, 3).All(p => _signed.Contains((Latest, p))))
                    {
                        Status = AgreementStatus.Signed;
                        InForce = Latest;
                    }

                    break;
                case Kind.Amend:
                    Latest++;
                    break;
                case Kind.Fulfil:
                    _fulfilled = true;
                    break;
                default:
                    Status = AgreementStatus.Terminated;
                    break;
            }
        }
    }
}
