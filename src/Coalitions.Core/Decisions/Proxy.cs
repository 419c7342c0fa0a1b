using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;
using FluentValidation;
using NodaTime;

namespace Coalitions.Core.Decisions;

/// <summary>How far a proxy reaches.</summary>
public enum ProxyScope
{
    /// <summary>Given on one proposal (<see cref="Proposal.GrantProxy"/>), for all its rounds until it ends.</summary>
    ThisProposal = 1,

    /// <summary>Given for a period across proposals, and frozen into a proposal when its voting opens within that period.</summary>
    Standing = 2,
}

/// <summary>
/// A proxy a member gave for a period, across proposals: the host keeps the coalition's standing proxies and passes them
/// when a proposal's voting opens (<see cref="Proposal.OpenVoting"/>); those in force then are frozen with the electorate.
/// </summary>
/// <remarks>
/// Checked when built, from code or from a stored event alike: no empty id, instants within <see cref="Limits"/>, and a
/// period that ends after it starts. Whether the people named represent the members named is checked against the
/// electorate when voting opens.
/// </remarks>
public sealed record StandingProxy
{
    /// <summary>Initializes a standing proxy.</summary>
    /// <param name="principal">The member giving its vote.</param>
    /// <param name="holder">The person who carries it: a representative of <paramref name="holderMember"/>.</param>
    /// <param name="holderMember">The other member whose representative the holder is.</param>
    /// <param name="grantedBy">The principal's representative who gave the proxy.</param>
    /// <param name="from">When the proxy starts: in the years 1900 to 2999.</param>
    /// <param name="until">When it ends (exclusive), after <paramref name="from"/>; <see langword="null"/> until revoked.</param>
    /// <exception cref="CoalitionRuleException">An empty id (<c>Kernel.EmptyId</c>), an instant out of range (<c>Kernel.OutOfRange</c>), or a period that ends before it starts (<c>Decisions.InvalidProxy</c>).</exception>
    [JsonConstructor]
    public StandingProxy(PartnerId principal, PersonId holder, PartnerId holderMember, PersonId grantedBy, Instant from, Instant? until = null)
    {
        Principal = Ensure.Id(principal, nameof(principal));
        Holder = Ensure.Id(holder, nameof(holder));
        HolderMember = Ensure.Id(holderMember, nameof(holderMember));
        GrantedBy = Ensure.Id(grantedBy, nameof(grantedBy));
        From = Ensure.At(from, nameof(from));
        Until = until is { } end ? Ensure.At(end, nameof(until)) : null;
        if (Until <= From)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidProxy, "A standing proxy ends after it starts; this one runs from {from} to {until}.", ("from", From), ("until", Until));
        }
    }

    /// <summary>Gets the member giving its vote.</summary>
    public PartnerId Principal { get; }

    /// <summary>Gets the person who carries it.</summary>
    public PersonId Holder { get; }

    /// <summary>Gets the member whose representative the holder is.</summary>
    public PartnerId HolderMember { get; }

    /// <summary>Gets the principal's representative who gave the proxy.</summary>
    public PersonId GrantedBy { get; }

    /// <summary>Gets when the proxy starts.</summary>
    public Instant From { get; }

    /// <summary>Gets when it ends (exclusive); <see langword="null"/> until revoked.</summary>
    public Instant? Until { get; }

    /// <summary>Whether the proxy is in force at an instant: from its start, and before its end.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when in force.</returns>
    public bool IsInForceAt(Instant at) => From <= at && (Until is not { } until || at < until);
}

/// <summary>A proxy in force on a proposal: the member who gave its vote, the person who carries it and on whose behalf that person sits.</summary>
/// <param name="Principal">The member giving its vote.</param>
/// <param name="Holder">The person who casts the member's ballot: a representative of <paramref name="HolderMember"/>.</param>
/// <param name="HolderMember">The other member whose representative the holder is.</param>
/// <param name="GrantedBy">The principal's representative who gave the proxy.</param>
/// <param name="Scope">Whether it was given on this proposal or is a standing proxy frozen when voting opened.</param>
public sealed record Proxy(PartnerId Principal, PersonId Holder, PartnerId HolderMember, PersonId GrantedBy, ProxyScope Scope);

/// <summary>Checks the standing proxies a host passes when voting opens.</summary>
internal sealed class StandingProxyValidator : AbstractValidator<StandingProxy>
{
    public static readonly StandingProxyValidator Instance = new();

    private StandingProxyValidator()
    {
        RuleFor(p => p.Principal).IsId();
        RuleFor(p => p.Holder).IsId();
        RuleFor(p => p.HolderMember).IsId();
        RuleFor(p => p.GrantedBy).IsId();
        RuleFor(p => p.From).Must(at => at >= Limits.EarliestInstant && at < Limits.LatestInstant).WithErrorCode(ErrorCodes.Kernel.OutOfRange.Code)
            .WithMessage("A standing proxy starts in the years 1900 to 2999.");
        RuleFor(p => p.Until).Must((p, until) => until is not { } end || (end > p.From && end < Limits.LatestInstant)).WithErrorCode(ErrorCodes.Decisions.InvalidProxy.Code)
            .WithMessage("A standing proxy ends after it starts, before the year 3000.");
    }
}
