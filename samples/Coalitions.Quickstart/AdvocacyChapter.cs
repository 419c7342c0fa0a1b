using Coalitions.Core.Advocacy;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;
using GovernanceAggregate = Coalitions.Core.Governance.CoalitionGovernance;

/// <summary>
/// The quickstart's advocacy chapter: the coalition adopts and publishes a position, gathers endorsements for the
/// statement its members decided to issue, runs a campaign, sees which member is drifting away and why, resolves a
/// dispute by mediation, and reads its collaboration health check.
/// </summary>
internal static class AdvocacyChapter
{
    /// <summary>Runs the chapter on the coalition formed earlier in the quickstart.</summary>
    /// <param name="coalition">The coalition, active, with its members.</param>
    /// <param name="governance">Its governance (the advocacy-coalition template, steering committee elected).</param>
    /// <param name="members">The member organizations, each acting through its first representative.</param>
    /// <param name="chair">The coordinator who chairs and facilitates.</param>
    /// <param name="monday">The quickstart's first day, 2 March 2026 at 09:00 UTC.</param>
    /// <param name="decisions">The proposals the coalition decided earlier (one issues the public statement by silence).</param>
    public static void Run(Coalition coalition, GovernanceAggregate governance, IReadOnlyList<Partner> members, PersonId chair, Instant monday, IReadOnlyList<Proposal> decisions)
    {
        Console.WriteLine("3f. Advocacy, engagement and conflicts: one voice, members who stay, disputes handled well");
        var secretariat = Actor.ForPerson(chair);
        var names = members.ToDictionary(m => m.Id, m => m.Profile.Name);
        Actor DelegateOf(PartnerId member) => Actor.Representing(members.Single(m => m.Id == member).Representatives.First().Person, member);
        var parents = members[1].Id;
        var girlsLearn = members[3].Id;
        var youthForum = members[6].Id;
        var day = monday + Duration.FromDays(14);
        Instant Later(int hours) => day + Duration.FromHours(hours);

        // A member drafts the coalition's position on the education budget; the steering committee adopts it by consensus.
        var budget = new IssueKey("education-budget");
        var position = PolicyPosition.Draft(
            PolicyPositionId.New(),
            new PositionDraft(coalition.Id, budget, "Six per cent for education", "The coalition calls for six per cent of GDP for education, with a budget line for reading."),
            coalition,
            DelegateOf(parents),
            day);
        var adoption = Proposal.Draft(
            ProposalId.New(),
            governance.DraftFor(MatterType.AdoptPolicyPosition, "Adopt: six per cent for education", position.Title, parents, [chair], coalition, day),
            DelegateOf(parents),
            day);
        adoption.Submit(DelegateOf(parents), day);
        adoption.Second(girlsLearn, coalition.ElectorateFor(MatterType.AdoptPolicyPosition, day), DelegateOf(girlsLearn), day);
        adoption.OpenVoting(governance.ElectorateFor(MatterType.AdoptPolicyPosition, coalition, day, names: names.GetValueOrDefault), secretariat, day);
        foreach (var voter in adoption.Electorate!.Voters)
        {
            adoption.CastBallot(voter.Partner, Stance.Support, null, DelegateOf(voter.Partner), Later(1));
        }

        adoption.Close(secretariat, Later(2));
        position.Adopt(adoption.Reference!, coalition, secretariat, Later(3));
        position.Publish(coalition, secretariat, Later(3));
        position.RecordReservation(youthForum, "Our members want a line for youth centres too.", coalition, DelegateOf(youthForum), Later(4));
        foreach (var held in PolicyPosition.InEffect([position], coalition.Id, budget, new LocalDate(2026, 3, 17)))
        {
            Console.WriteLine($"   Position on 17 March: {held.Describe(names.GetValueOrDefault, coalition.TimeZone)}");
        }

        // The statement the members issued by silence procedure (chapter 2) opens for signatures, members and outsiders.
        var statement = SignOnStatement.Draft(
            SignOnStatementId.New(),
            new StatementDraft(coalition.Id, "Fund the teachers", "We, the undersigned organizations, call on the government to fund ten thousand reading teachers.", new LocalDate(2026, 4, 30)),
            coalition,
            secretariat,
            monday);
        statement.Publish(decisions.Single(d => d.Matter == MatterType.IssuePublicStatement).Reference!, coalition, secretariat, day);
        foreach (var member in members.Take(5))
        {
            statement.Endorse(EndorsementId.New(), member.Snapshot, member.Representatives.First().Name, "Director", coalition, DelegateOf(member.Id), Later(5));
        }

        var outsider = EndorsementId.New();
        statement.RecordEndorsement(outsider, new Endorser("Teachers Without Borders", "UG", "Grace Nakato", "Executive director"), coalition, secretariat, Later(6));
        statement.VerifyEndorsement(outsider, coalition, secretariat, Later(7));
        statement.RecordEndorsement(EndorsementId.New(), new Endorser("Coast Parents Forum", "KE", "Hassan Ali"), coalition, secretariat, Later(7));
        foreach (var line in statement.Describe(Later(8)).Split('\n').Take(1))
        {
            Console.WriteLine($"   {line}");
        }

        // A campaign carries the position; the Youth Forum owes an action it has not done.
        var campaign = Campaign.Launch(
            CampaignId.New(),
            new CampaignPlan(
                coalition.Id,
                "Fund reading",
                "A budget line for reading in the 2026/27 budget.",
                [new CampaignObjective(new CampaignObjectiveKey("budget-line"), "A budget line for reading", new LocalDate(2026, 6, 30))],
                [new CampaignTarget(new TargetKey("committee"), "Parliament's education committee", TargetKind.Institution)],
                parents),
            coalition,
            secretariat,
            day);
        campaign.CarryPosition(position, coalition, DelegateOf(parents), Later(8));
        campaign.PlanAction(new PlannedAction(new CampaignActionKey("submission"), ActionKind.Submission, "Written submission to the committee", girlsLearn, new LocalDate(2026, 3, 31), new TargetKey("committee"), new CampaignObjectiveKey("budget-line")), coalition, DelegateOf(parents), Later(8));
        campaign.PlanAction(new PlannedAction(new CampaignActionKey("youth-hearing"), ActionKind.Event, "Youth hearing on reading", youthForum, new LocalDate(2026, 4, 10), Objective: new CampaignObjectiveKey("budget-line")), coalition, DelegateOf(parents), Later(8));
        campaign.CompleteAction(new CampaignActionKey("submission"), new LocalDate(2026, 3, 27), null, coalition, DelegateOf(girlsLearn), Instant.FromUtc(2026, 3, 27, 12, 0));

        // Who is drifting away, and why: facts from the proposals, the campaign, the statement, and two assemblies.
        var facts = new List<ParticipationFact>();
        foreach (var proposal in decisions.Append(adoption))
        {
            facts.AddRange(ParticipationFacts.FromProposal(proposal, coalition.TimeZone));
        }

        facts.AddRange(ParticipationFacts.FromCampaign(campaign, new LocalDate(2026, 4, 30)));
        facts.AddRange(ParticipationFacts.FromStatement(statement));
        facts.AddRange(ParticipationFacts.FromPosition(position));
        foreach (var (assembly, on) in new[] { (Guid.NewGuid(), new LocalDate(2026, 3, 24)), (Guid.NewGuid(), new LocalDate(2026, 4, 21)) })
        {
            facts.AddRange(members.Select(m => new ParticipationFact(m.Id, ParticipationKind.Meeting, m.Id == youthForum ? ParticipationResult.Missed : ParticipationResult.Met, on, new FactSource("Meetings", assembly))));
        }

        var spring = Participation.Measure(coalition, facts, new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 30)));
        foreach (var risk in spring.AtRisk(policy: AtRiskPolicy.Default with { ExpectContributions = false }))
        {
            Console.WriteLine($"   Drifting away: {risk.Name}. {string.Join(" ", risk.Reasons.Select(r => r.Explanation))}");
        }

        // Two members disagree over credit for a survey; they talk, then settle with a mediator both accept.
        var dispute = ConflictCase.Open(
            ConflictCaseId.New(),
            new CaseDraft(coalition.Id, "Credit for the reading survey", "The survey report did not name the Girls Learn field team.", [parents, girlsLearn], false, CaseConfidentiality.Coordinators, ["Each party may bring one adviser."]),
            coalition,
            DelegateOf(girlsLearn),
            Later(9));
        dispute.AcknowledgeGroundRules(parents, coalition, DelegateOf(parents), Later(10));
        dispute.AcknowledgeGroundRules(girlsLearn, coalition, DelegateOf(girlsLearn), Later(10));
        dispute.RecordSession(new LocalDate(2026, 3, 17), "A first talk; no agreement.", coalition, DelegateOf(girlsLearn), Later(30));
        var mediator = new Mediator(PersonId.New(), "Esther Wambui");
        dispute.ProposeMediator(mediator, coalition, secretariat, Later(30));
        dispute.AcceptMediator(parents, coalition, DelegateOf(parents), Later(31));
        dispute.AcceptMediator(girlsLearn, coalition, DelegateOf(girlsLearn), Later(31));
        dispute.RecordSession(new LocalDate(2026, 3, 18), null, coalition, Actor.ForPerson(mediator.Person), Later(50));
        dispute.ProposeResolution(
            new Resolution(
                "Parents Network credits the Girls Learn field team in the report and its press release.",
                [new FollowUp(new FollowUpKey("erratum"), parents, "Publish an erratum naming the field team", new LocalDate(2026, 3, 31))]),
            coalition,
            Actor.ForPerson(mediator.Person),
            Later(50));
        dispute.ConfirmResolution(parents, coalition, DelegateOf(parents), Later(51));
        dispute.ConfirmResolution(girlsLearn, coalition, DelegateOf(girlsLearn), Later(51));
        foreach (var line in dispute.View(coalition, secretariat, Later(52)).Describe().Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        // The spring health check: anonymous ratings, exact means, strengths and concerns.
        var key = AnonymityKey.Create();
        var check = HealthCheck.Open(HealthCheckId.New(), new HealthCheckDraft(coalition.Id, "Spring 2026", new LocalDate(2026, 3, 31), HealthCheckStatements.Standard), key, coalition, secretariat, day);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var ratings = HealthCheckStatements.Standard
                .Select((s, j) => new HealthRating(s.Key, s.Category switch { HealthCategory.Resources => 1, HealthCategory.Communication => 2, _ => 3 } + ((i + j) % 3)))
                .ToArray();
            check.Respond(member.Id, ratings, key, coalition, DelegateOf(member.Id), Later(40 + i));
        }

        check.Close(key, coalition, secretariat, Instant.FromUtc(2026, 4, 1, 9, 0));
        var results = check.Results();
        Console.WriteLine($"   Health check: {results.Respondents} of {results.Roster} responded; {results.Strengths.Count} strengths, {results.Borderline.Count} borderline, {results.Concerns.Count} concerns.");
        foreach (var factor in results.Borderline.Concat(results.Concerns))
        {
            Console.WriteLine($"   {factor.Band}: {factor.Name}, mean {HealthCheckResults.Decimal(factor.Mean!.Value)} (exactly {factor.Mean} from {factor.Ratings} ratings)");
        }

        Console.WriteLine();
    }
}
