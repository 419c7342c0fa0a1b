using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;

namespace Coalitions.Core.Governance;

/// <summary>
/// Sound starting points: each template is a complete, valid set of bodies and a rule book covering every
/// matter. <c>docs/governance-templates.md</c> explains each choice and when to pick which.
/// </summary>
public static class GovernanceTemplates
{
    private static readonly MatterType[] AllMatters =
    [
        MatterType.AdmitMember, MatterType.SuspendMember, MatterType.ExpelMember, MatterType.AmendCharter,
        MatterType.AdoptPolicyPosition, MatterType.IssuePublicStatement, MatterType.ApproveBudget, MatterType.ApproveJointProject,
        MatterType.ElectOfficers, MatterType.AmendAgreement, MatterType.Dissolve, MatterType.AdoptCommunicationPlan, MatterType.ApproveExpense, MatterType.ResolveDispute,
    ];

    private static readonly Duration Week = Duration.FromDays(7);

    /// <summary>The keys of the bodies the templates define, for the commands and queries that name a body.</summary>
    public static class Bodies
    {
        /// <summary><c>members</c>: the members' meeting of a loose network, where every member sits.</summary>
        public static readonly BodyKey Members = new("members");

        /// <summary><c>general-assembly</c>: the general assembly of an advocacy coalition or a multi-stakeholder platform, where every voting member sits.</summary>
        public static readonly BodyKey GeneralAssembly = new("general-assembly");

        /// <summary><c>steering-committee</c>: the elected steering committee of an advocacy coalition or a collective-impact partnership.</summary>
        public static readonly BodyKey SteeringCommittee = new("steering-committee");

        /// <summary><c>secretariat</c>: the secretariat of an advocacy coalition.</summary>
        public static readonly BodyKey Secretariat = new("secretariat");

        /// <summary><c>board</c>: the board of a multi-stakeholder platform.</summary>
        public static readonly BodyKey Board = new("board");

        /// <summary><c>partners-assembly</c>: the partners' assembly of a collective-impact partnership.</summary>
        public static readonly BodyKey PartnersAssembly = new("partners-assembly");

        /// <summary><c>backbone</c>: the backbone organization of a collective-impact partnership.</summary>
        public static readonly BodyKey Backbone = new("backbone");

        /// <summary><c>shared-measurement</c>: the shared measurement working group of a collective-impact partnership.</summary>
        public static readonly BodyKey SharedMeasurement = new("shared-measurement");
    }

    /// <summary>Gets every template.</summary>
    public static IReadOnlyList<GovernanceTemplate> All => [LooseNetwork(), AdvocacyCoalition(), MultiStakeholderPlatform(), CollectiveImpactPartnership()];

    /// <summary>
    /// A loose network: one assembly of all members with a facilitator who rotates; statements and positions by
    /// silence procedure, most other matters by consent; dissolution by consensus falling back to three quarters.
    /// </summary>
    /// <returns>The template.</returns>
    public static GovernanceTemplate LooseNetwork()
    {
        var members = new BodyDefinition(Bodies.Members, "Members' meeting", BodyKind.GeneralAssembly, AllMatters, 0, [], [Office.Facilitator], Period.FromYears(1), MeetingCadence: Period.FromMonths(3), Convenor: Office.Facilitator);
        var consent = DecisionRule.Consent().WithVotingPeriod(Duration.FromDays(10));
        var silence = DecisionRule.SilenceProcedure(Duration.FromDays(5));
        return new GovernanceTemplate(
            "Loose network",
            [members],
            Lines(Bodies.Members, new Dictionary<MatterType, DecisionRule>
            {
                [MatterType.IssuePublicStatement] = silence,
                [MatterType.AdoptPolicyPosition] = silence.WithFallback(consent),
                [MatterType.SuspendMember] = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)),
                [MatterType.ExpelMember] = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)),
                [MatterType.ElectOfficers] = DecisionRule.SimpleMajority(),
                [MatterType.Dissolve] = DecisionRule.Consensus().WithFallback(ThreeQuarters(), FallbackWhen.Blocked),
                [MatterType.ResolveDispute] = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)),
            }, consent),
            SeatPolicy.Vacate,
            []);
    }

    /// <summary>
    /// An advocacy coalition: a general assembly, a steering committee of seven (two-year terms, at most two in a row)
    /// and a secretariat; positions and statements by the steering committee's consensus falling back to three
    /// quarters; charter, budget, elections and dissolution by the assembly.
    /// </summary>
    /// <returns>The template.</returns>
    public static GovernanceTemplate AdvocacyCoalition()
    {
        var assembly = new BodyDefinition(
            Bodies.GeneralAssembly, "General assembly", BodyKind.GeneralAssembly,
            [MatterType.AmendCharter, MatterType.ApproveBudget, MatterType.ElectOfficers, MatterType.ExpelMember, MatterType.AmendAgreement, MatterType.Dissolve],
            0, [], [Office.Chair, Office.Secretary], Period.FromYears(1), MeetingCadence: Period.FromYears(1), Convenor: Office.Chair);
        var steering = new BodyDefinition(
            Bodies.SteeringCommittee, "Steering committee", BodyKind.SteeringCommittee,
            [MatterType.AdoptPolicyPosition, MatterType.IssuePublicStatement, MatterType.AdmitMember, MatterType.SuspendMember, MatterType.ApproveJointProject, MatterType.AdoptCommunicationPlan, MatterType.ApproveExpense, MatterType.ResolveDispute],
            7, [], [Office.Chair, Office.ViceChair, Office.Treasurer, Office.Spokesperson], Period.FromYears(2), MaxConsecutiveTerms: 2,
            MeetingCadence: Period.FromMonths(1), Convenor: Office.Chair);
        var secretariat = new BodyDefinition(Bodies.Secretariat, "Secretariat", BodyKind.Secretariat, [], 1, [], [Office.Secretary], Period.FromYears(3));
        var consensus = DecisionRule.Consensus(new StandAsideLimit(2, null)).WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds)).WithVotingPeriod(Week)
            .WithFallback(ThreeQuarters().WithVotingPeriod(Week), FallbackWhen.Blocked);
        return new GovernanceTemplate(
            "Advocacy coalition",
            [assembly, steering, secretariat],
            [
                Line(MatterType.AdoptPolicyPosition, Bodies.SteeringCommittee, consensus, seconders: 1),
                Line(MatterType.IssuePublicStatement, Bodies.SteeringCommittee, consensus),
                Line(MatterType.AdmitMember, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.SuspendMember, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))),
                Line(MatterType.ApproveJointProject, Bodies.SteeringCommittee, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.AdoptCommunicationPlan, Bodies.SteeringCommittee, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.ApproveExpense, Bodies.SteeringCommittee, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.ResolveDispute, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.AmendCharter, Bodies.GeneralAssembly, DecisionRule.Consensus().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds)).WithFallback(ThreeQuarters(), FallbackWhen.Blocked), seconders: 2),
                Line(MatterType.ApproveBudget, Bodies.GeneralAssembly, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.ElectOfficers, Bodies.GeneralAssembly, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.ExpelMember, Bodies.GeneralAssembly, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.AmendAgreement, Bodies.GeneralAssembly, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.Dissolve, Bodies.GeneralAssembly, ThreeQuarters().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds)), seconders: 2),
            ],
            SeatPolicy.Freeze,
            []);
    }

    /// <summary>
    /// A multi-stakeholder platform in the manner of the FSC general assembly: three chambers of equal weight, each
    /// split north/south; the assembly decides by more than half in every chamber and two thirds overall; a board of
    /// nine keeps three seats per chamber.
    /// </summary>
    /// <returns>The template.</returns>
    public static GovernanceTemplate MultiStakeholderPlatform()
    {
        string[] chambers = ["environmental", "social", "economic"];
        var assembly = new BodyDefinition(
            Bodies.GeneralAssembly, "General assembly", BodyKind.GeneralAssembly,
            [MatterType.AmendCharter, MatterType.AdoptPolicyPosition, MatterType.ElectOfficers, MatterType.ExpelMember, MatterType.AmendAgreement, MatterType.Dissolve],
            0, [], [Office.Chair], Period.FromYears(1), MeetingCadence: Period.FromYears(3), Convenor: Office.Chair);
        var board = new BodyDefinition(
            Bodies.Board, "Board", BodyKind.SteeringCommittee,
            [MatterType.AdmitMember, MatterType.SuspendMember, MatterType.ApproveBudget, MatterType.ApproveJointProject, MatterType.IssuePublicStatement, MatterType.AdoptCommunicationPlan, MatterType.ApproveExpense, MatterType.ResolveDispute],
            9, chambers.SelectMany(c => Enumerable.Repeat(new SeatReservation(Chamber: c), 3)).ToArray(),
            [Office.Chair, Office.ViceChair, Office.Treasurer], Period.FromYears(3), MaxConsecutiveTerms: 2, MeetingCadence: Period.FromMonths(3), Convenor: Office.Chair);
        var chamberVote = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast))
            .WithQuorum(QuorumRule.OfMembers(Fraction.Half)).WithVotingPeriod(Duration.FromDays(30));
        var boardRule = DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds)).WithCastingVote();
        return new GovernanceTemplate(
            "Multi-stakeholder platform",
            [assembly, board],
            [
                .. new[] { MatterType.AmendCharter, MatterType.AdoptPolicyPosition, MatterType.ExpelMember, MatterType.AmendAgreement, MatterType.Dissolve }
                    .Select(m => Line(m, Bodies.GeneralAssembly, chamberVote, seconders: 2)),
                Line(MatterType.ElectOfficers, Bodies.GeneralAssembly, chamberVote),
                .. new[] { MatterType.AdmitMember, MatterType.SuspendMember, MatterType.ApproveBudget, MatterType.ApproveJointProject, MatterType.IssuePublicStatement, MatterType.AdoptCommunicationPlan, MatterType.ApproveExpense, MatterType.ResolveDispute }
                    .Select(m => Line(m, Bodies.Board, boardRule)),
            ],
            SeatPolicy.Vacate,
            chambers.Select(c => new Chamber(c, 1, [new SubChamber("north", 1), new SubChamber("south", 1)])).ToArray());
    }

    /// <summary>
    /// A collective-impact partnership: a backbone organization, a cross-sector steering committee with seats kept for
    /// government, funders, community groups and researchers, and working groups per goal; budget and joint projects
    /// by the steering committee's consensus falling back to two thirds.
    /// </summary>
    /// <returns>The template.</returns>
    public static GovernanceTemplate CollectiveImpactPartnership()
    {
        var partners = new BodyDefinition(
            Bodies.PartnersAssembly, "Partners' assembly", BodyKind.GeneralAssembly,
            [MatterType.AmendCharter, MatterType.ElectOfficers, MatterType.ExpelMember, MatterType.Dissolve],
            0, [], [Office.Chair], Period.FromYears(1), MeetingCadence: Period.FromYears(1), Convenor: Office.Chair);
        var steering = new BodyDefinition(
            Bodies.SteeringCommittee, "Cross-sector steering committee", BodyKind.SteeringCommittee,
            [MatterType.AdmitMember, MatterType.SuspendMember, MatterType.AdoptPolicyPosition, MatterType.IssuePublicStatement, MatterType.ApproveBudget, MatterType.ApproveJointProject, MatterType.AmendAgreement, MatterType.AdoptCommunicationPlan, MatterType.ApproveExpense, MatterType.ResolveDispute],
            9,
            [new SeatReservation(Sector.GovernmentAgency), new SeatReservation(Sector.FunderOrFoundation), new SeatReservation(Sector.CommunityGroup), new SeatReservation(Sector.AcademicOrResearch)],
            [Office.Chair, Office.ViceChair], Period.FromYears(2), MaxConsecutiveTerms: 3, MeetingCadence: Period.FromMonths(1), Convenor: Office.Chair);
        var backbone = new BodyDefinition(Bodies.Backbone, "Backbone organization", BodyKind.Secretariat, [], 1, [], [Office.Facilitator, Office.Secretary], Period.FromYears(3));
        var measurement = new BodyDefinition(Bodies.SharedMeasurement, "Shared measurement working group", BodyKind.WorkingGroup, [], 7, [], [Office.Facilitator], Period.FromYears(1),
            MeetingCadence: Period.FromMonths(1), Convenor: Office.Facilitator, Topic: "Shared indicators for every goal");
        var consensus = DecisionRule.Consensus(new StandAsideLimit(null, Fraction.Percent(25))).WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))
            .WithFallback(DecisionRule.TwoThirdsMajority(), FallbackWhen.Blocked);
        return new GovernanceTemplate(
            "Collective-impact partnership",
            [partners, steering, backbone, measurement],
            [
                Line(MatterType.ApproveBudget, Bodies.SteeringCommittee, consensus),
                Line(MatterType.ApproveJointProject, Bodies.SteeringCommittee, consensus),
                Line(MatterType.ApproveExpense, Bodies.SteeringCommittee, consensus),
                Line(MatterType.AdoptPolicyPosition, Bodies.SteeringCommittee, consensus),
                Line(MatterType.IssuePublicStatement, Bodies.SteeringCommittee, DecisionRule.Consent()),
                Line(MatterType.AdmitMember, Bodies.SteeringCommittee, DecisionRule.SimpleMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.SuspendMember, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))),
                Line(MatterType.AmendAgreement, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority()),
                Line(MatterType.AdoptCommunicationPlan, Bodies.SteeringCommittee, DecisionRule.Consent()),
                Line(MatterType.ResolveDispute, Bodies.SteeringCommittee, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.AmendCharter, Bodies.PartnersAssembly, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half)), seconders: 1),
                Line(MatterType.ElectOfficers, Bodies.PartnersAssembly, DecisionRule.SimpleMajority()),
                Line(MatterType.ExpelMember, Bodies.PartnersAssembly, DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Fraction.Half))),
                Line(MatterType.Dissolve, Bodies.PartnersAssembly, ThreeQuarters().WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))),
            ],
            SeatPolicy.Vacate,
            []);
    }

    private static DecisionRule ThreeQuarters() => DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast));

    private static RuleBookLine Line(MatterType matter, BodyKey body, DecisionRule rule, int seconders = 0) => new(matter, new RuleBookEntry(body, rule, SecondersRequired: seconders));

    private static RuleBookLine[] Lines(BodyKey body, Dictionary<MatterType, DecisionRule> rules, DecisionRule otherwise) =>
        AllMatters.Select(m => Line(m, body, rules.TryGetValue(m, out var rule) ? rule : otherwise)).ToArray();
}
