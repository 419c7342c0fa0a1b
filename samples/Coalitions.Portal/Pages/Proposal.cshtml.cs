using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Coalitions.Portal.Pages;

/// <summary>A proposal: the text, the rule in words, the deadline, a ballot form, the tally, the explained outcome.</summary>
public sealed class ProposalModel(PortalContext portal, IActorResolver actors) : PortalPage(portal, actors)
{
    /// <summary>Gets the proposal.</summary>
    public Proposal? Proposal { get; private set; }

    /// <summary>Gets the coalition's zone.</summary>
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    /// <summary>Gets the member the signed-in delegate votes for, when it is in the electorate.</summary>
    public PartnerId? Member { get; private set; }

    /// <summary>Gets that member's name.</summary>
    public string? MemberName { get; private set; }

    /// <summary>Gets that member's ballot in the current round.</summary>
    public RecordedBallot? CurrentBallot { get; private set; }

    /// <summary>Gets the stances the current rule accepts.</summary>
    public IReadOnlyList<Stance> Stances { get; private set; } = [];

    /// <summary>Gets whether the signed-in person may close the vote now.</summary>
    public bool CanClose { get; private set; }

    /// <summary>Gets a confirmation to show.</summary>
    public string? Notice { get; private set; }

    /// <summary>A member's name as the electorate knows it.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The name.</returns>
    public string NameOf(PartnerId member) => Proposal?.Electorate is { } e && e.TryGetVoter(member, out var voter) ? voter.DisplayName : member.ToString();

    /// <summary>Shows the proposal.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>The page, or 404.</returns>
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Casts or changes the signed-in delegate's ballot.</summary>
    /// <param name="id">The proposal.</param>
    /// <param name="stance">The stance.</param>
    /// <param name="reason">The reason, if any.</param>
    /// <returns>The page.</returns>
    public Task<IActionResult> OnPostBallotAsync(Guid id, Stance stance, string? reason) =>
        RunAsync(id, (p, by, at) => p.CastBallot(by.OnBehalfOf ?? throw new CoalitionRuleException(ErrorCodes.Kernel.ActorRequired, "Only a member's delegate, acting for it, casts its ballot."), stance, string.IsNullOrWhiteSpace(reason) ? null : reason, by, at), "Your ballot is recorded.");

    /// <summary>Closes the vote.</summary>
    /// <param name="id">The proposal.</param>
    /// <returns>The page.</returns>
    public Task<IActionResult> OnPostCloseAsync(Guid id) => RunAsync(id, (p, by, at) => p.Close(by, at), "The vote is closed.");

    private async Task<IActionResult> RunAsync(Guid id, Action<Proposal, Actor, Instant> command, string done)
    {
        if (Actor is not { } by)
        {
            return Challenge();
        }

        try
        {
            // A person at a form: on a conflict the store reloads and reruns the command on the fresh state.
            await Portal.Store.UpdateAsync<Proposal>(ProposalId.FromGuid(id), p => command(p, by, Portal.Now), new Coalitions.Core.Storage.EventMetadata(Guid.NewGuid(), ActingPerson: by.Person), HttpContext.RequestAborted);
            Notice = done;
        }
        catch (CoalitionRuleException refused)
        {
            Refusal = refused;
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Proposal = await Portal.FindAsync<Proposal>(ProposalId.FromGuid(id), HttpContext.RequestAborted);
        if (Proposal is null)
        {
            return false;
        }

        Zone = (await Portal.CoalitionAsync(HttpContext.RequestAborted))?.Coalition.TimeZone ?? DateTimeZone.Utc;
        Stances = [.. Enum.GetValues<Stance>().Where(s => Proposal.CurrentRule.AcceptedStances.HasFlag((StanceSet)(1 << ((int)s - 1))))];
        if (Actor is { } by)
        {
            if (by.OnBehalfOf is { } member && Proposal.Electorate?.Contains(member) == true)
            {
                Member = member;
                MemberName = NameOf(member);
                CurrentBallot = Proposal.Ballots.FirstOrDefault(b => b.Voter == member && b.Round == Proposal.Round);
            }

            CanClose = Proposal.Status == ProposalStatus.Voting && by.Person is { } person && Proposal.Facilitators.Contains(person) && Proposal.CanClose(Portal.Now).IsAllowed;
        }

        return true;
    }
}
