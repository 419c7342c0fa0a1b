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

/// <summary>A clause, identified by a key that stays the same across versions so versions can be compared clause by clause.</summary>
/// <param name="Key">A short key, unique within the agreement, such as <c>roles</c>.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Title">Its heading.</param>
/// <param name="Text">Its text.</param>
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
/// <param name="Key">A short key, unique within the agreement.</param>
/// <param name="Party">The committed party.</param>
/// <param name="Kind">What kind of contribution.</param>
/// <param name="Description">What exactly.</param>
/// <param name="Due">The date by which it is due.</param>
/// <param name="Amount">The money committed, for money.</param>
/// <param name="Hours">The hours committed, for staff time.</param>
public sealed record Commitment(string Key, PartnerId Party, CommitmentKind Kind, string Description, LocalDate Due, Money? Amount = null, decimal? Hours = null);

/// <summary>Where a commitment stands on a date.</summary>
public enum CommitmentStatus
{
    /// <summary>Not yet met, and not yet due.</summary>
    Pending = 1,

    /// <summary>Met (a fulfilment was recorded).</summary>
    Met = 2,

    /// <summary>Past its due date and not met.</summary>
    Late = 3,

    /// <summary>Waived by the parties.</summary>
    Waived = 4,
}

/// <summary>A party to an agreement, with the people authorized to sign for it.</summary>
/// <param name="Partner">The party.</param>
/// <param name="Signatories">The people who may sign for it; at least one.</param>
public sealed record AgreementParty(PartnerId Partner, IReadOnlyList<PersonId> Signatories);

/// <summary>When an agreement applies and how it ends.</summary>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="EffectiveUntil">The last day it applies, if it ends.</param>
/// <param name="NoticePeriod">The notice a party gives to withdraw; the last stretch of the term before it ends is "expiring".</param>
public sealed record AgreementTerms(LocalDate EffectiveFrom, LocalDate? EffectiveUntil, Period NoticePeriod);

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
/// <param name="Clauses">The clauses; keys unique.</param>
/// <param name="Commitments">The commitments; keys unique, each by a party.</param>
/// <param name="Terms">The terms.</param>
public sealed record AgreementText(IReadOnlyList<Clause> Clauses, IReadOnlyList<Commitment> Commitments, AgreementTerms Terms);

/// <summary>What is drafted: the input of <see cref="Agreement.Draft"/>.</summary>
/// <param name="Coalition">The coalition it belongs to.</param>
/// <param name="Type">Its type.</param>
/// <param name="Title">Its title.</param>
/// <param name="Parties">The parties; at least two.</param>
/// <param name="Text">Its text and terms.</param>
/// <param name="AmendmentsNeedDecision">Whether the rule book requires a decision to amend it.</param>
public sealed record AgreementDraft(CoalitionId Coalition, AgreementType Type, string Title, IReadOnlyList<AgreementParty> Parties, AgreementText Text, bool AmendmentsNeedDecision = false);

/// <summary>Checks agreement input at the boundary.</summary>
internal sealed class AgreementTextValidator : AbstractValidator<(AgreementText Text, IReadOnlyList<AgreementParty> Parties)>
{
    public static readonly AgreementTextValidator Instance = new();

    private AgreementTextValidator()
    {
        var code = ErrorCodes.Agreements.InvalidAgreement.Code;
        RuleFor(x => x.Text).NotNull().WithErrorCode(code);
        RuleFor(x => x.Parties).NotNull().WithErrorCode(code)
            .Must(p => p is null || (p.Count >= 2 && p.Select(x => x.Partner).Distinct().Count() == p.Count)).WithErrorCode(code)
            .WithMessage("An agreement has at least two distinct parties.")
            .Must(p => p is null || p.All(x => x.Signatories is { Count: > 0 })).WithErrorCode(code)
            .WithMessage("Every party names at least one person who may sign for it.");
        When(x => x.Text is not null, () =>
        {
            RuleFor(x => x.Text.Clauses).NotEmpty().WithErrorCode(code).WithMessage("An agreement has at least one clause.")
                .Must(c => c is null || c.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() == c.Count).WithErrorCode(code).WithMessage("Clause keys are unique.");
            RuleForEach(x => x.Text.Clauses).Must(c => !string.IsNullOrWhiteSpace(c.Key) && c.Key.Length <= 50 && !string.IsNullOrWhiteSpace(c.Title) && c.Title.Length <= 200 &&
                                                        !string.IsNullOrWhiteSpace(c.Text) && c.Text.Length <= 20_000 && Enum.IsDefined(c.Kind))
                .WithErrorCode(code).WithMessage("A clause needs a key (at most 50 characters), a title (200) and a text (20,000).");
            RuleFor(x => x.Text.Commitments).NotNull().WithErrorCode(code)
                .Must(c => c is null || c.Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() == c.Count).WithErrorCode(code).WithMessage("Commitment keys are unique.");
            RuleForEach(x => x.Text.Commitments).Must((x, c) => x.Parties is not null && x.Parties.Any(p => p.Partner == c.Party))
                .WithErrorCode(ErrorCodes.Agreements.NotAParty.Code).WithMessage((x, c) => $"Commitment '{c.Key}' is by {c.Party}, who is not a party.");
            RuleForEach(x => x.Text.Commitments).Must(c => !string.IsNullOrWhiteSpace(c.Key) && !string.IsNullOrWhiteSpace(c.Description) && Enum.IsDefined(c.Kind) &&
                                                            (c.Kind != CommitmentKind.Money || c.Amount is { Amount: > 0 }) && (c.Hours is null || c.Hours > 0))
                .WithErrorCode(code).WithMessage("A commitment needs a key, a description, a positive amount of money for money and positive hours if hours are given.");
            RuleFor(x => x.Text.Terms).NotNull().WithErrorCode(code)
                .Must(t => t is null || t.EffectiveUntil is null || t.EffectiveUntil >= t.EffectiveFrom).WithErrorCode(code).WithMessage("An agreement cannot end before it starts.")
                .Must(t => t?.NoticePeriod is { } p && p.Years >= 0 && p.Months >= 0 && p.Weeks >= 0 && p.Days >= 0).WithErrorCode(code).WithMessage("A notice period is zero or more.");
        });
    }
}
