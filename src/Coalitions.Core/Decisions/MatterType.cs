namespace Coalitions.Core.Decisions;

/// <summary>What a decision is about. The rule book maps each matter to the body that decides it and the rule it uses.</summary>
public enum MatterType
{
    /// <summary>Admit a new member.</summary>
    AdmitMember = 1,

    /// <summary>Suspend a member.</summary>
    SuspendMember = 2,

    /// <summary>Expel a member.</summary>
    ExpelMember = 3,

    /// <summary>Amend the charter (including the rule book).</summary>
    AmendCharter = 4,

    /// <summary>Adopt a shared policy position.</summary>
    AdoptPolicyPosition = 5,

    /// <summary>Issue a public statement in the coalition's name.</summary>
    IssuePublicStatement = 6,

    /// <summary>Approve a budget.</summary>
    ApproveBudget = 7,

    /// <summary>Approve a joint project or programme.</summary>
    ApproveJointProject = 8,

    /// <summary>Elect officers or seats.</summary>
    ElectOfficers = 9,

    /// <summary>Amend an agreement such as an MOU.</summary>
    AmendAgreement = 10,

    /// <summary>Dissolve the coalition.</summary>
    Dissolve = 11,

    /// <summary>A matter the coalition names itself.</summary>
    Custom = 12,

    /// <summary>Adopt or amend the coalition's communication plan (with its social media plan).</summary>
    AdoptCommunicationPlan = 13,

    /// <summary>Approve an expense from a pooled fund above the amount the fund's rules let its approver approve alone.</summary>
    ApproveExpense = 14,

    /// <summary>Decide a dispute escalated to the body the rule book names, after dialogue and mediation failed to settle it.</summary>
    ResolveDispute = 15,
}
