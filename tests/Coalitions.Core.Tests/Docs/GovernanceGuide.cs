using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;

// Outside the Coalitions.Core namespaces, as a host's code is: there `CoalitionGovernance` names the aggregate, not the namespace.
namespace GuideCode;

/// <summary>The code of docs/governance.md, compiled here and run by Coalitions.Core.Tests.Docs.GovernanceGuideTests.</summary>
public static class GovernanceGuide
{
#pragma warning disable IDE0008 // the guide's code reads as a program
    public static (CoalitionGovernance Governance, PartnerId Chair, ProposalDraft Draft, Electorate Electorate) Establish(
        Coalition coalition, Actor coordinator, Instant at, LocalDate today, PartnerSnapshot candidate, IReadOnlyList<PartnerId> order,
        string title, string text, PartnerId proposer, IReadOnlyList<PersonId> facilitators, IReadOnlyCollection<PartnerId> recused)
    {
        var governance = CoalitionGovernance.Establish(coalition, GovernanceTemplates.AdvocacyCoalition(), coordinator, at);
        governance.Appoint("steering-committee", seat: 1, candidate, coalition, from: today, interim: false, coordinator, at);
        governance.SetRotation("steering-committee", Office.Chair, order, coalition, coordinator, at);
        var chair = governance.Rotate("steering-committee", Office.Chair, coalition, Actor.System("scheduler"), at);

        var draft = governance.DraftFor(MatterType.AdmitMember, title, text, proposer, facilitators, coalition, at);
        var electorate = governance.ElectorateFor(MatterType.AdmitMember, coalition, at, recused);
        return (governance, chair, draft, electorate);
    }
#pragma warning restore IDE0008
}
