using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Agreements;

/// <summary>Identifies an agreement.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<AgreementId>))]
public readonly record struct AgreementId : ITypedId<AgreementId>
{
    private AgreementId(Guid value) => Value = value;

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static AgreementId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public static AgreementId FromGuid(Guid value) => new(TypedId.Check(value, nameof(AgreementId)));

    /// <summary>Parses the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static AgreementId Parse(string text) => TypedId.Parse<AgreementId>(text);

    /// <summary>Tries to parse the "D" form of the GUID.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AgreementId id) => TypedId.TryParse(text, out id);

    /// <summary>Returns the GUID in its "D" form.</summary>
    /// <returns>The id as text.</returns>
    public override string ToString() => Value.ToString("D");
}

/// <summary>The kind of agreement.</summary>
public enum AgreementType
{
    /// <summary>A memorandum of understanding setting structure, roles and commitments.</summary>
    MemorandumOfUnderstanding = 1,

    /// <summary>The coalition's charter as a signed document.</summary>
    Charter = 2,

    /// <summary>A partnership agreement for a joint project.</summary>
    PartnershipAgreement = 3,

    /// <summary>An agreement to share data.</summary>
    DataSharingAgreement = 4,

    /// <summary>An agreement to share resources.</summary>
    ResourceSharingAgreement = 5,
}

/// <summary>What a clause is about.</summary>
public enum ClauseKind
{
    /// <summary>The purpose of the agreement.</summary>
    Purpose = 1,

    /// <summary>The parties' roles.</summary>
    Roles = 2,

    /// <summary>The parties' rights.</summary>
    Rights = 3,

    /// <summary>The parties' responsibilities.</summary>
    Responsibilities = 4,

    /// <summary>What the parties commit.</summary>
    Commitments = 5,

    /// <summary>Confidentiality.</summary>
    Confidentiality = 6,

    /// <summary>How disputes are resolved.</summary>
    DisputeResolution = 7,

    /// <summary>How the agreement ends.</summary>
    Termination = 8,

    /// <summary>Anything else.</summary>
    Custom = 9,
}

/// <summary>
/// A clause, identified by a key that stays the same across versions so versions can be compared clause by clause.
/// </summary>
/// <param name="Key">A short key, unique within a version, such as <c>roles</c>: one line of at most 64 characters.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Title">Its heading: one line of at most 200 characters.</param>
/// <param name="Text">Its text: at most 20,000 characters; line breaks allowed, other control characters not.</param>
public sealed record Clause(string Key, ClauseKind Kind, string Title, string Text);

/// <summary>What a party commits.</summary>
public enum CommitmentKind
{
    /// <summary>Staff time.</summary>
    StaffTime = 1,

    /// <summary>Money.</summary>
    Money = 2,

    /// <summary>Expertise.</summary>
    Expertise = 3,

    /// <summary>Goods, premises or services in kind.</summary>
    InKind = 4,

    /// <summary>A deliverable.</summary>
    Deliverable = 5,
}

/// <summary>A party's commitment: what, how much, and by when.</summary>
/// <param name="Key">A short key, unique within a version: one line of at most 64 characters.</param>
/// <param name="Party">The committed party.</param>
/// <param name="Kind">What kind of contribution.</param>
/// <param name="Description">What exactly: at most 2,000 characters.</param>
/// <param name="Due">The date by which it is due, from 1900 to 2999.</param>
/// <param name="Amount">The money committed: required for <see cref="CommitmentKind.Money"/>; when given, more than zero and at most 10<sup>15</sup> in an ISO 4217 currency.</param>
/// <param name="Hours">The hours committed, for staff time: when given, more than zero and at most 1,000,000.</param>
/// <remarks>A commitment refuses a due date outside the years 1900 to 2999, an amount or hours out of range and a money value without a currency when it is created (<c>Kernel.OutOfRange</c>, <c>Kernel.UnknownCurrency</c>), so none can be stored.</remarks>
public sealed record Commitment(string Key, PartnerId Party, CommitmentKind Kind, string Description, LocalDate Due, Money? Amount = null, decimal? Hours = null)
{
    /// <summary>The most money one commitment names, in its currency's units.</summary>
    internal const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>The most hours one commitment names.</summary>
    internal const decimal MaxHours = 1_000_000m;

    /// <summary>Gets the date by which it is due.</summary>
    public LocalDate Due { get; init; } = Ensure.Date(Due, nameof(Due));

    /// <summary>Gets the money committed, if any.</summary>
    public Money? Amount { get; init; } = Amount is { } money ? CheckAmount(money) : null;

    /// <summary>Gets the hours committed, if any.</summary>
    public decimal? Hours { get; init; } = Hours is { } hours ? CheckHours(hours) : null;

    internal static bool IsAmount(Money money) => Money.IsCurrencyCode(money.Currency) && money.Amount > 0 && money.Amount <= MaxAmount;

    internal static bool IsHours(decimal hours) => hours > 0 && hours <= MaxHours;

    private static Money CheckAmount(Money money)
    {
        if (!Money.IsCurrencyCode(money.Currency))
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.UnknownCurrency, "The amount of a commitment names an ISO 4217 currency; {currency} is not one.", ("currency", money.Currency));
        }

        return IsAmount(money)
            ? money
            : throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The amount of a commitment is more than zero and at most {max} (got {amount}).", ("max", MaxAmount), ("amount", money.Amount));
    }

    private static decimal CheckHours(decimal hours) =>
        IsHours(hours)
            ? hours
            : throw CoalitionRuleException.Because(ErrorCodes.Kernel.OutOfRange, "The hours of a commitment are more than zero and at most {max} (got {hours}).", ("max", MaxHours), ("hours", hours));
}

/// <summary>Where a commitment stands on a date.</summary>
public enum CommitmentStatus
{
    /// <summary>Not yet met, and not yet due.</summary>
    Pending = 1,

    /// <summary>Met (a fulfilment was recorded).</summary>
    Met = 2,

    /// <summary>Past its due date and not met.</summary>
    Late = 3,

    /// <summary>Waived by the parties it is owed to.</summary>
    Waived = 4,
}

/// <summary>A party to an agreement, with the people authorized to sign and act for it under the agreement.</summary>
/// <param name="Partner">The party: a partner organization.</param>
/// <param name="Name">Its name, as messages and documents show it: one line of at most 200 characters.</param>
/// <param name="Signatories">The people who may sign and act for it under the agreement: 1 to 10 distinct people, none of whom signs for another party.</param>
/// <param name="Outside">
/// Whether it takes part as an outside partner rather than as a member of the coalition. A party that is not an
/// active member of the coalition when the agreement is drafted must be marked so, and an active member must not be,
/// so that nobody becomes a party without someone having chosen it.
/// </param>
public sealed record AgreementParty(PartnerId Partner, string Name, IReadOnlyList<PersonId> Signatories, bool Outside = false);

/// <summary>When an agreement applies and how a party leaves it.</summary>
/// <param name="EffectiveFrom">The first day it applies, from 1900 to 2999. Signed before this day, the agreement is signed but not yet in force.</param>
/// <param name="EffectiveUntil">The last day it applies, if it ends: on or after <paramref name="EffectiveFrom"/> and no later than 2999.</param>
/// <param name="NoticePeriod">
/// The notice a party gives to withdraw: a calendar period of years, months, weeks and days (no hours), zero or more
/// and at most 100 years. The last stretch of the term before it ends is "expiring".
/// </param>
/// <remarks>Terms refuse dates outside the years 1900 to 2999 (<c>Kernel.OutOfRange</c>), an end before the start (<c>Agreements.InvalidAgreement</c>) and a notice period that is not such a calendar period (<c>Kernel.InvalidPeriod</c>) when they are created, so none can be stored.</remarks>
public sealed record AgreementTerms(LocalDate EffectiveFrom, LocalDate? EffectiveUntil, Period NoticePeriod)
{
    /// <summary>Gets the first day it applies.</summary>
    public LocalDate EffectiveFrom { get; init; } = Ensure.Date(EffectiveFrom, nameof(EffectiveFrom));

    /// <summary>Gets the last day it applies, if it ends.</summary>
    public LocalDate? EffectiveUntil { get; init; } = EffectiveUntil is { } until ? CheckUntil(until, EffectiveFrom) : null;

    /// <summary>Gets the notice a party gives to withdraw.</summary>
    public Period NoticePeriod { get; init; } = Ensure.DatePeriod(NoticePeriod, nameof(NoticePeriod), allowZero: true);

    // Both dates are ISO dates once Ensure.Date has passed, so comparing them cannot throw.
    internal static bool EndsBeforeItStarts(LocalDate from, LocalDate? until) =>
        until is { } end && end.Calendar == from.Calendar && end < from;

    private static LocalDate CheckUntil(LocalDate until, LocalDate from)
    {
        Ensure.Date(until, nameof(EffectiveUntil));
        return EndsBeforeItStarts(from, until)
            ? throw CoalitionRuleException.Because(ErrorCodes.Agreements.InvalidAgreement, "An agreement cannot end ({until}) before it starts ({from}).", ("until", until), ("from", from))
            : until;
    }
}

/// <summary>A version of the agreement's text and terms.</summary>
/// <param name="Number">The version number, from 1.</param>
/// <param name="Clauses">Its clauses.</param>
/// <param name="Commitments">Its commitments.</param>
/// <param name="Terms">Its terms.</param>
/// <param name="Decision">The decision that approved it, for an amendment that needed one.</param>
public sealed record AgreementVersion(int Number, IReadOnlyList<Clause> Clauses, IReadOnlyList<Commitment> Commitments, AgreementTerms Terms, Decisions.DecisionReference? Decision);

/// <summary>A signature.</summary>
/// <param name="Version">The version signed.</param>
/// <param name="Party">The party.</param>
/// <param name="Person">The signatory.</param>
/// <param name="At">When.</param>
public sealed record Signature(int Version, PartnerId Party, PersonId Person, Instant At);

/// <summary>The text and terms of a version: the input of drafting, revising and amending.</summary>
/// <param name="Clauses">The clauses: 1 to 200, keys unique.</param>
/// <param name="Commitments">The commitments: up to 1,000, keys unique, each by a party.</param>
/// <param name="Terms">The terms.</param>
public sealed record AgreementText(IReadOnlyList<Clause> Clauses, IReadOnlyList<Commitment> Commitments, AgreementTerms Terms);

/// <summary>What is drafted: the input of <see cref="Agreement.Draft"/>.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Title">Its title: one line of at most 200 characters.</param>
/// <param name="Parties">The parties: 2 to 1,000 distinct partners, each with its signatories; outside partners marked.</param>
/// <param name="Text">Its text and terms.</param>
/// <param name="AmendmentsNeedDecision">Whether the rule book requires an adopted decision of the coalition to amend it.</param>
public sealed record AgreementDraft(AgreementType Type, string Title, IReadOnlyList<AgreementParty> Parties, AgreementText Text, bool AmendmentsNeedDecision = false);

/// <summary>The bounds of an agreement's input; documented on the input records.</summary>
internal static class AgreementBounds
{
    public const int MaxParties = 1_000;
    public const int MaxSignatories = 10;
    public const int MaxClauses = 200;
    public const int MaxCommitments = 1_000;
}

/// <summary>Checks a <see cref="Clause"/> at the boundary.</summary>
internal sealed class ClauseValidator : AbstractValidator<Clause>
{
    public static readonly ClauseValidator Instance = new();

    private ClauseValidator()
    {
        RuleFor(c => c.Key).IsName(Limits.KeyLength);
        RuleFor(c => c.Kind).IsDefined();
        RuleFor(c => c.Title).IsName(Limits.NameLength);
        RuleFor(c => c.Text).IsText(Limits.DocumentLength);
    }
}

/// <summary>Checks a <see cref="Commitment"/> at the boundary.</summary>
internal sealed class CommitmentValidator : AbstractValidator<Commitment>
{
    public static readonly CommitmentValidator Instance = new();

    private CommitmentValidator()
    {
        var code = ErrorCodes.Agreements.InvalidAgreement.Code;
        RuleFor(c => c.Key).IsName(Limits.KeyLength);
        RuleFor(c => c.Party).IsId();
        RuleFor(c => c.Kind).IsDefined();
        RuleFor(c => c.Description).IsText(Limits.ReasonLength);
        RuleFor(c => c.Due).IsDate();
        RuleFor(c => c.Amount).Must(a => a is not { } money || Money.IsCurrencyCode(money.Currency)).WithErrorCode(ErrorCodes.Kernel.UnknownCurrency.Code)
            .WithMessage("The amount of a commitment names an ISO 4217 currency.");
        RuleFor(c => c.Amount).Must(a => a is not { } money || Commitment.IsAmount(money) || !Money.IsCurrencyCode(money.Currency)).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code)
            .WithMessage("The amount of a commitment is more than zero and at most 1,000,000,000,000,000.");
        RuleFor(c => c.Amount).Must((c, a) => c.Kind != CommitmentKind.Money || a is not null).WithErrorCode(code)
            .WithMessage("A commitment of money names the amount.");
        RuleFor(c => c.Hours).Must(h => h is not { } hours || Commitment.IsHours(hours)).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code)
            .WithMessage("The hours of a commitment are more than zero and at most 1,000,000.");
    }
}

/// <summary>Checks <see cref="AgreementTerms"/> at the boundary.</summary>
internal sealed class AgreementTermsValidator : AbstractValidator<AgreementTerms>
{
    public static readonly AgreementTermsValidator Instance = new();

    private AgreementTermsValidator()
    {
        RuleFor(t => t.EffectiveFrom).IsDate();
        RuleFor(t => t.EffectiveUntil!.Value).IsDate().When(t => t.EffectiveUntil is not null).OverridePropertyName(nameof(AgreementTerms.EffectiveUntil));
        RuleFor(t => t.EffectiveUntil).Must((t, until) => !AgreementTerms.EndsBeforeItStarts(t.EffectiveFrom, until))
            .WithErrorCode(ErrorCodes.Agreements.InvalidAgreement.Code).WithMessage("An agreement cannot end before it starts.");
        RuleFor(t => t.NoticePeriod).IsDatePeriod(allowZero: true);
    }
}

/// <summary>Checks an <see cref="AgreementText"/> at the boundary; that each commitment is by a party is checked by the agreement.</summary>
internal sealed class AgreementTextValidator : AbstractValidator<AgreementText>
{
    public static readonly AgreementTextValidator Instance = new();

    private AgreementTextValidator()
    {
        var code = ErrorCodes.Agreements.InvalidAgreement.Code;
        RuleFor(t => t.Clauses).IsList(AgreementBounds.MaxClauses)
            .Must(c => c is null || c.Count > 0).WithErrorCode(code).WithMessage("An agreement has at least one clause.")
            .Must(c => c is null || Unique(c.Select(x => x?.Key))).WithErrorCode(code).WithMessage("Clause keys are unique within a version.");
        RuleForEach(t => t.Clauses).SetValidator(ClauseValidator.Instance);
        RuleFor(t => t.Commitments).IsList(AgreementBounds.MaxCommitments)
            .Must(c => c is null || Unique(c.Select(x => x?.Key))).WithErrorCode(code).WithMessage("Commitment keys are unique within a version.");
        RuleForEach(t => t.Commitments).SetValidator(CommitmentValidator.Instance);
        RuleFor(t => t.Terms).NotNull().WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).WithMessage("An agreement has terms.")
            .SetValidator(AgreementTermsValidator.Instance!);
    }

    internal static bool Unique(IEnumerable<string?> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return keys.All(key => key is null || seen.Add(key.Trim()));
    }
}

/// <summary>Checks an <see cref="AgreementParty"/> at the boundary.</summary>
internal sealed class AgreementPartyValidator : AbstractValidator<AgreementParty>
{
    public static readonly AgreementPartyValidator Instance = new();

    private AgreementPartyValidator()
    {
        RuleFor(p => p.Partner).IsId();
        RuleFor(p => p.Name).IsName(Limits.NameLength);
        RuleFor(p => p.Signatories).IsList(AgreementBounds.MaxSignatories)
            .Must(s => s is null || s.Count > 0).WithErrorCode(ErrorCodes.Agreements.InvalidAgreement.Code).WithMessage("Every party names at least one person who may sign for it.")
            .Must(s => s is null || s.Distinct().Count() == s.Count).WithErrorCode(ErrorCodes.Agreements.InvalidAgreement.Code).WithMessage("A party names each signatory once.");
        RuleForEach(p => p.Signatories).IsId();
    }
}

/// <summary>Checks an <see cref="AgreementDraft"/> at the boundary; membership of the coalition is checked by the agreement.</summary>
internal sealed class AgreementDraftValidator : AbstractValidator<AgreementDraft>
{
    public static readonly AgreementDraftValidator Instance = new();

    private AgreementDraftValidator()
    {
        var code = ErrorCodes.Agreements.InvalidAgreement.Code;
        RuleFor(d => d.Type).IsDefined();
        RuleFor(d => d.Title).IsName(Limits.NameLength);
        RuleFor(d => d.Parties).IsList(AgreementBounds.MaxParties)
            .Must(p => p is null || p.Count >= 2).WithErrorCode(code).WithMessage("An agreement has at least two parties.")
            .Must(p => p is null || p.Where(x => x is not null).Select(x => x.Partner).Distinct().Count() == p.Count(x => x is not null)).WithErrorCode(code)
            .WithMessage("An agreement names each party once.")
            .Must(p => p is null || OneSignatoryOnePart(p)).WithErrorCode(code).WithMessage("A person signs for one party only.");
        RuleForEach(d => d.Parties).SetValidator(AgreementPartyValidator.Instance);
        RuleFor(d => d.Text).NotNull().WithErrorCode(ErrorCodes.Kernel.InvalidInput.Code).WithMessage("An agreement has a text.")
            .SetValidator(AgreementTextValidator.Instance!);
    }

    private static bool OneSignatoryOnePart(IReadOnlyList<AgreementParty> parties)
    {
        var seen = new Dictionary<PersonId, PartnerId>();
        foreach (var party in parties)
        {
            foreach (var person in party?.Signatories ?? [])
            {
                if (seen.TryGetValue(person, out var other) && other != party!.Partner)
                {
                    return false;
                }

                seen[person] = party!.Partner;
            }
        }

        return true;
    }
}

/// <summary>A commitment with its status on a date.</summary>
/// <param name="Commitment">The commitment, as the binding version states it.</param>
/// <param name="Status">Its status on the date asked about (pending, met, late or waived).</param>
public sealed record CommitmentStanding(Commitment Commitment, CommitmentStatus Status);
