using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using NodaTime;

// The quickstart tells one story through the API: an education coalition takes three decisions under three
// different rules, and every outcome explains itself. Each capability the library gains adds a chapter.

var coalition = CoalitionId.New();
var monday = Instant.FromUtc(2026, 3, 2, 9, 0);
var chair = PersonId.New();
var facilitators = new[] { chair };

// Nine member organizations, each with one delegate who may cast its ballot.
string[] names =
[
    "Teachers Union", "Parents Network", "Rural Schools Trust", "Girls Learn", "Literacy Now",
    "University of the Coast", "Youth Forum", "Disability Rights Alliance", "Open Textbooks",
];
var members = names.Select(name => new Voter(PartnerId.New(), [PersonId.New()], name: name)).ToArray();
Actor Delegate(int i) => Actor.Representing(members[i].Representatives[0], members[i].Partner);

Console.WriteLine("Coalitions.Core quickstart: the Learning for All coalition decides");
Console.WriteLine();

// 1. The steering committee (five members) admits a new member by two thirds, with a quorum of one half.
Chapter("1. The steering committee admits a member by a two-thirds vote");
var steering = new Electorate(members[..5]);
var twoThirds = DecisionRule.TwoThirdsMajority()
    .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
    .WithVotingPeriod(Duration.FromDays(5));
var admission = Proposal.Draft(
    ProposalId.New(),
    new ProposalDraft(coalition, MatterType.AdmitMember, "Admit Community Libraries", "Community Libraries joins as a full member.", members[0].Partner, twoThirds, facilitators, SecondersRequired: 1),
    Delegate(0),
    monday);
admission.Submit(Delegate(0), monday);
admission.Second(members[1].Partner, Delegate(1), monday);
admission.OpenVoting(steering, Actor.ForPerson(chair), monday);
admission.CastBallot(members[0].Partner, Stance.Support, null, Delegate(0), monday + Duration.FromHours(1));
admission.CastBallot(members[1].Partner, Stance.Support, null, Delegate(1), monday + Duration.FromHours(2));
admission.CastBallot(members[2].Partner, Stance.Oppose, "Too soon after the last intake.", Delegate(2), monday + Duration.FromHours(3));
admission.CastBallot(members[3].Partner, Stance.Support, null, Delegate(3), monday + Duration.FromHours(4));

// Only a member's own delegate may cast its ballot: the refusal carries a stable code and changes nothing.
try
{
    admission.CastBallot(members[4].Partner, Stance.Support, null, Delegate(3), monday + Duration.FromHours(5));
}
catch (CoalitionRuleException refused)
{
    Console.WriteLine($"   Refused [{refused.Code}]: {refused.Message}");
}

admission.CastBallot(members[4].Partner, Stance.Abstain, null, Delegate(4), monday + Duration.FromHours(6));
Print(admission.Close(Actor.ForPerson(chair), monday + Duration.FromHours(7)));

// 2. All nine members issue a public statement by silence procedure: adopted at the deadline unless someone objects.
Chapter("2. The members issue a public statement by silence procedure");
var everyone = new Electorate(members);
var silence = DecisionRule.SilenceProcedure(Duration.FromHours(72));
var statement = PutToVote(MatterType.IssuePublicStatement, "Statement on the education budget", "The coalition calls for 6 % of GDP for education.", proposer: 1, silence);
Console.WriteLine($"   Can the scheduler close it after 24 hours? {statement.CanClose(monday + Duration.FromHours(24)).IsAllowed}");
Print(statement.Close(Actor.System("scheduler"), monday + Duration.FromHours(72)));

// 3. The general assembly amends the charter by consensus; a block brings in the fallback: three quarters of votes cast.
Chapter("3. The assembly amends the charter: consensus, falling back to three quarters");
var threeQuarters = DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast));
var consensus = DecisionRule.Consensus(new StandAsideLimit(2, null))
    .WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))
    .WithFallback(threeQuarters, FallbackWhen.Blocked);
var amendment = PutToVote(MatterType.AmendCharter, "Add inclusive education to the mission", "The mission names learners with disabilities.", proposer: 7, consensus);
for (var i = 0; i < members.Length; i++)
{
    var (stance, reason) = i switch
    {
        2 => (Stance.Block, "The charter should stay short; put this in the strategy instead."),
        5 => (Stance.StandAside, null),
        _ => (Stance.Support, (string?)null),
    };
    amendment.CastBallot(members[i].Partner, stance, reason, Delegate(i), monday + Duration.FromHours(1));
}

Print(amendment.Close(Actor.ForPerson(chair), monday + Duration.FromHours(2)));
Console.WriteLine($"   The fallback opens round {amendment.Round}: {amendment.CurrentRule.Describe()}");
for (var i = 0; i < members.Length; i++)
{
    amendment.CastBallot(members[i].Partner, i == 2 ? Stance.Oppose : Stance.Support, null, Delegate(i), monday + Duration.FromHours(3));
}

Print(amendment.Close(Actor.ForPerson(chair), monday + Duration.FromHours(4)));
amendment.MarkImplemented("Charter text updated on the website.", Actor.ForPerson(chair), monday + Duration.FromDays(2));

// 4. Every change is an event: store them as JSON, read them back, rebuild the proposal.
Chapter("4. The record: events as JSON, rebuilt");
var stored = amendment.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).ToList();
var rebuilt = Proposal.Rehydrate(stored.Select(CoalitionsJson.DeserializeEvent));
Console.WriteLine($"   {stored.Count} events stored; rebuilt proposal: {rebuilt.Status}, {rebuilt.Rounds.Count} rounds, result {rebuilt.Outcome!.Result}.");
Console.WriteLine($"   First event: {stored[0][..Math.Min(stored[0].Length, 96)]}...");

// Draft, submit and open a proposal before all members, as chapter 1 did step by step.
Proposal PutToVote(MatterType matter, string title, string text, int proposer, DecisionRule rule)
{
    var proposal = Proposal.Draft(ProposalId.New(), new ProposalDraft(coalition, matter, title, text, members[proposer].Partner, rule, facilitators), Delegate(proposer), monday);
    proposal.Submit(Delegate(proposer), monday);
    proposal.OpenVoting(everyone, Actor.ForPerson(chair), monday);
    return proposal;
}

static void Chapter(string title)
{
    Console.WriteLine(title);
}

static void Print(DecisionOutcome outcome)
{
    foreach (var line in outcome.Explanation.Split('\n'))
    {
        Console.WriteLine($"   {line}");
    }

    Console.WriteLine();
}
