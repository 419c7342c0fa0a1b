using Coalitions.Core.Agreements;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Initiatives;

/// <summary>What kind of joint initiative.</summary>
public enum InitiativeKind
{
    /// <summary>A project: a bounded piece of joint work with its own budget.</summary>
    Project = 1,

    /// <summary>A programme: a longer body of work that may hold several projects.</summary>
    Programme = 2,

    /// <summary>A campaign: joint advocacy or awareness work towards a change.</summary>
    Campaign = 3,
}

/// <summary>
/// The part a partner plays in an initiative, as IATI names organisation roles (the numbers are the IATI
/// <c>OrganisationRole</c> codes).
/// </summary>
public enum PartnerRole
{
    /// <summary>Provides the money.</summary>
    Funding = 1,

    /// <summary>Answers for the initiative and its results; the lead partner holds this role.</summary>
    Accountable = 2,

    /// <summary>Manages the money on the funder's behalf and passes it on to those who implement.</summary>
    Extending = 3,

    /// <summary>Carries out the work.</summary>
    Implementing = 4,
}

/// <summary>Where an initiative is in its life.</summary>
public enum InitiativeStatus
{
    /// <summary>Proposed by its lead partner; its plan may be revised.</summary>
    Proposed = 1,

    /// <summary>Approved by an adopted decision of the coalition; not yet started.</summary>
    Approved = 2,

    /// <summary>Under way.</summary>
    Active = 3,

    /// <summary>Done.</summary>
    Completed = 4,

    /// <summary>Paused by the coalition; it may resume.</summary>
    Suspended = 5,

    /// <summary>Stopped before completion.</summary>
    Cancelled = 6,
}

/// <summary>An organization taking part in an initiative, in one or more roles.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Name">Its name, as the initiative shows it: one line of at most 200 characters.</param>
/// <param name="Roles">Its roles: one to four, each once.</param>
/// <param name="Outside">Whether it takes part without being a member of the coalition (a funder, a ministry); members are never so marked.</param>
/// <param name="OrganisationIdentifier">Its IATI organisation identifier (such as <c>GB-CHC-123456</c>), if it has one: one line of at most 64 characters.</param>
public sealed record InitiativePartner(PartnerId Partner, string Name, IReadOnlyList<PartnerRole> Roles, bool Outside = false, string? OrganisationIdentifier = null);

/// <summary>A milestone of an initiative.</summary>
/// <param name="Key">Its key, unique in the plan.</param>
/// <param name="Title">What is reached: one line of at most 200 characters.</param>
/// <param name="Due">The day it is due.</param>
/// <param name="Weight">Its weight in the initiative's progress (1 to 1,000); when left out it weighs 1.</param>
public sealed record Milestone(MilestoneKey Key, string Title, LocalDate Due, int? Weight = null);

/// <summary>A line of an initiative's budget, by funder.</summary>
/// <param name="Key">Its key, unique in the plan.</param>
/// <param name="Title">What it pays for: one line of at most 200 characters.</param>
/// <param name="Funder">The partner that funds it (in the funding role).</param>
/// <param name="Amount">The amount, more than zero.</param>
/// <param name="From">The first day of the budget period.</param>
/// <param name="To">The last day of the budget period, on or after <paramref name="From"/>.</param>
public sealed record BudgetLine(BudgetLineKey Key, string Title, PartnerId Funder, Money Amount, LocalDate From, LocalDate To);

/// <summary>What an initiative sets out to do, with whom, when and with what money.</summary>
/// <param name="Coalition">The coalition whose initiative it is.</param>
/// <param name="Kind">Project, programme or campaign.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Description">What it does and why: at most 20,000 characters.</param>
/// <param name="Lead">The lead partner: a member of the coalition, among the partners in the accountable role.</param>
/// <param name="Partners">Every partner with its roles: one to 100, each once.</param>
/// <param name="PlannedStart">The planned first day.</param>
/// <param name="PlannedEnd">The planned last day, on or after the start, at most 100 years later.</param>
/// <param name="Milestones">Its milestones: at most 200.</param>
/// <param name="Budget">Its budget by line and funder: at most 500 lines.</param>
public sealed record InitiativePlan(
    CoalitionId Coalition,
    InitiativeKind Kind,
    string Title,
    string Description,
    PartnerId Lead,
    IReadOnlyList<InitiativePartner> Partners,
    LocalDate PlannedStart,
    LocalDate PlannedEnd,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<BudgetLine> Budget);

/// <summary>A partner's contribution to an initiative, linked to the pledges that carry it and the agreement that binds it.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Description">What it contributes: at most 2,000 characters.</param>
/// <param name="Pledges">The partner's pledges for this initiative that carry the contribution.</param>
/// <param name="Agreement">The agreement (an MOU) under which the partner committed it, if any.</param>
/// <param name="Commitment">The key of the partner's commitment under that agreement, if any.</param>
public sealed record PartnerContribution(PartnerId Partner, string Description, IReadOnlyList<PledgeId> Pledges, AgreementId? Agreement = null, string? Commitment = null);

/// <summary>A milestone as reached.</summary>
/// <param name="Key">The milestone.</param>
/// <param name="On">The day it was reached.</param>
/// <param name="Note">A note, if any.</param>
public sealed record ReachedMilestone(MilestoneKey Key, LocalDate On, string? Note);

/// <summary>Checks an <see cref="InitiativePlan"/> at the door and when it is replayed.</summary>
internal sealed class InitiativePlanValidator : AbstractValidator<InitiativePlan>
{
    public const int MaxPartners = 100;
    public const int MaxMilestones = 200;
    public const int MaxBudgetLines = 500;

    public static readonly InitiativePlanValidator Instance = new();

    private InitiativePlanValidator()
    {
        var code = ErrorCodes.Initiatives.InvalidPlan.Code;
        RuleFor(p => p.Coalition).IsId();
        RuleFor(p => p.Kind).IsDefined();
        RuleFor(p => p.Title).IsName();
        RuleFor(p => p.Description).IsText(Limits.DocumentLength);
        RuleFor(p => p.Lead).IsId();
        RuleFor(p => p.PlannedStart).IsDate();
        RuleFor(p => p.PlannedEnd).IsDate();
        RuleFor(p => p.PlannedEnd).Must((p, end) => end >= p.PlannedStart && Ensure.DatePeriodProblem(Period.Between(p.PlannedStart, end, PeriodUnits.Days), allowZero: true) is null)
            .When(p => p.PlannedStart.Calendar == CalendarSystem.Iso && p.PlannedEnd.Calendar == CalendarSystem.Iso)
            .WithErrorCode(code).WithMessage("An initiative's planned end is on or after its planned start, at most 100 years later.");
        RuleFor(p => p.Partners).Must(list => list is { Count: >= 1 and <= MaxPartners } && list.All(x => x is not null))
            .WithErrorCode(code).WithMessage("An initiative has one to 100 partners.");
        RuleForEach(p => p.Partners).SetValidator(new PartnerValidator()).When(p => p.Partners is not null && p.Partners.All(x => x is not null));
        RuleFor(p => p.Partners).Must(list => list.Select(x => x.Partner).Distinct().Count() == list.Count)
            .When(p => p.Partners is not null && p.Partners.All(x => x is not null)).WithErrorCode(code).WithMessage("Each partner is named once, with all its roles.");
        RuleFor(p => p.Lead).Must((p, lead) => p.Partners.Any(x => x.Partner == lead && x.Roles is not null && x.Roles.Contains(PartnerRole.Accountable)))
            .When(p => p.Partners is not null && p.Partners.All(x => x is not null)).WithErrorCode(code).WithMessage("The lead partner is among the partners, in the accountable role.");
        RuleFor(p => p.Milestones).IsList(MaxMilestones);
        RuleForEach(p => p.Milestones).SetValidator(new MilestoneValidator()).When(p => p.Milestones is not null);
        RuleFor(p => p.Milestones).Must(list => list.Select(m => m.Key.Value).Distinct(StringComparer.Ordinal).Count() == list.Count)
            .When(p => p.Milestones is not null && p.Milestones.All(m => m is not null)).WithErrorCode(code).WithMessage("Each milestone has its own key.");
        RuleFor(p => p.Budget).IsList(MaxBudgetLines);
        RuleForEach(p => p.Budget).SetValidator(new BudgetLineValidator()).When(p => p.Budget is not null);
        RuleFor(p => p.Budget).Must(list => list.Select(b => b.Key.Value).Distinct(StringComparer.Ordinal).Count() == list.Count)
            .When(p => p.Budget is not null && p.Budget.All(b => b is not null)).WithErrorCode(code).WithMessage("Each budget line has its own key.");
        RuleForEach(p => p.Budget).Must((p, line) => p.Partners.Any(x => x.Partner == line.Funder && x.Roles is not null && x.Roles.Contains(PartnerRole.Funding)))
            .When(p => p.Partners is not null && p.Partners.All(x => x is not null) && p.Budget is not null && p.Budget.All(b => b is not null))
            .WithErrorCode(code).WithMessage("Each budget line is funded by a partner in the funding role.");
    }

    private sealed class PartnerValidator : AbstractValidator<InitiativePartner>
    {
        public PartnerValidator()
        {
            var code = ErrorCodes.Initiatives.InvalidPlan.Code;
            RuleFor(x => x.Partner).IsId();
            RuleFor(x => x.Name).IsName();
            RuleFor(x => x.Roles).Must(roles => roles is { Count: >= 1 and <= 4 } && roles.All(Ensure.IsDefined) && roles.Distinct().Count() == roles.Count)
                .WithErrorCode(code).WithMessage("A partner plays one to four roles, each once.");
            RuleFor(x => x.OrganisationIdentifier).IsName(Limits.KeyLength, required: false);
        }
    }

    private sealed class MilestoneValidator : AbstractValidator<Milestone>
    {
        public MilestoneValidator()
        {
            RuleFor(m => m.Key).Must(key => key.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("A milestone has a key.");
            RuleFor(m => m.Title).IsName();
            RuleFor(m => m.Due).IsDate();
            RuleFor(m => m.Weight).Must(w => w is null or (>= 1 and <= 1_000)).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code).WithMessage("A milestone's weight is from 1 to 1,000.");
        }
    }

    private sealed class BudgetLineValidator : AbstractValidator<BudgetLine>
    {
        public BudgetLineValidator()
        {
            RuleFor(b => b.Key).Must(key => key.Value is not null).WithErrorCode(ErrorCodes.Kernel.InvalidText.Code).WithMessage("A budget line has a key.");
            RuleFor(b => b.Title).IsName();
            RuleFor(b => b.Funder).IsId();
            RuleFor(b => b.Amount).IsAmount();
            RuleFor(b => b.From).IsDate();
            RuleFor(b => b.To).IsDate();
            RuleFor(b => b.To).Must((b, to) => to >= b.From).When(b => b.From.Calendar == CalendarSystem.Iso && b.To.Calendar == CalendarSystem.Iso).WithErrorCode(ErrorCodes.Initiatives.InvalidPlan.Code).WithMessage("A budget line's period ends on or after it starts.");
        }
    }
}
