using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Measurement;
using Coalitions.Core.Resources;
using NodaTime;

/// <summary>
/// Chapter 3c of the quickstart: joint work. Members pledge to a reading fund, the treasurer approves and pays an
/// expense, a member lends equipment through the shared library, the coalition approves joint reading camps, a member
/// measures the charter's reading goal, and the camps are written as an IATI 2.03 activity file for funders.
/// </summary>
internal static class JointWorkChapter
{
    /// <summary>Tells the chapter with the coalition the earlier chapters built.</summary>
    /// <param name="coalition">The active coalition, whose charter amendment <paramref name="amendment"/> adopted.</param>
    /// <param name="governance">Its governance (the advocacy-coalition template, with a steering committee elected).</param>
    /// <param name="mou">The founding members' memorandum of understanding, in force.</param>
    /// <param name="amendment">The adopted charter amendment, whose new text this chapter adopts with keyed goals.</param>
    /// <param name="members">The members, in the order the quickstart registered them.</param>
    /// <param name="delegateOf">The delegate of the member at an index, acting for it.</param>
    /// <param name="secretariat">The coordinator who founded the coalition.</param>
    /// <param name="names">Each partner's name.</param>
    public static void Run(Coalition coalition, CoalitionGovernance governance, Agreement mou, Proposal amendment, IReadOnlyList<PartnerId> members, Func<int, Actor> delegateOf, Actor secretariat, IReadOnlyDictionary<PartnerId, string> names)
    {
        Console.WriteLine("3e. Joint work: a reading fund, reading camps, a goal measured, an IATI file");
        Actor For(PartnerId member) => delegateOf(members.ToList().IndexOf(member));
        var april = Instant.FromUtc(2026, 4, 1, 9, 0);
        var teachers = members[0];
        var parents = members[1];
        var literacyNow = members[4];
        var university = members[5];

        // The charter amendment adopted in chapter 3 is implemented: the goal gets a stable key indicators can name.
        var charter = coalition.Charter!;
        coalition.AdoptCharter(charter with { Goals = [charter.Goals[0].Keyed("reading-by-ten")] }, amendment.Reference, secretariat, april);

        // The steering committee names its treasurer, who approves the fund's expenses (with a decision above KES 100,000).
        var treasurer = governance.SittingMembers("steering-committee", coalition, april)[0];
        governance.AssignOffice("steering-committee", Office.Treasurer, treasurer, coalition, secretariat, april);
        var fund = PooledFund.Open(
            PooledFundId.New(),
            new FundRules(coalition.Id, "Reading fund", "Storybooks and holiday reading camps.", "steering-committee", Office.Treasurer, [new Money(100_000m, "KES")], []),
            coalition,
            secretariat,
            april,
            governance);

        // The coalition approves joint reading camps: a proposal to the steering committee, as the rule book says.
        var draft = governance.DraftFor(MatterType.ApproveJointProject, "Approve the reading camps", "Holiday reading camps in twelve schools in 2026.", teachers, [secretariat.Person!.Value], coalition, april);
        var approval = Proposal.Draft(ProposalId.New(), draft, For(teachers), april);
        approval.Submit(For(teachers), april);
        var steering = governance.ElectorateFor(MatterType.ApproveJointProject, coalition, april);
        approval.OpenVoting(steering, secretariat, april);
        foreach (var voter in steering.Voters)
        {
            approval.CastBallot(voter.Partner, Stance.Support, null, For(voter.Partner), april + Duration.FromHours(1));
        }

        approval.Close(secretariat, april + Duration.FromHours(2));
        var camps = Initiative.Propose(
            InitiativeId.New(),
            new InitiativePlan(
                coalition.Id,
                InitiativeKind.Project,
                "Holiday reading camps",
                "Reading camps in twelve schools, run by teachers and parent volunteers.",
                teachers,
                [
                    new InitiativePartner(teachers, "Teachers Union", [PartnerRole.Accountable, PartnerRole.Implementing], OrganisationIdentifier: "KE-NCB-1001"),
                    new InitiativePartner(parents, "Parents Network", [PartnerRole.Funding]),
                    new InitiativePartner(literacyNow, "Literacy Now", [PartnerRole.Implementing]),
                ],
                new LocalDate(2026, 4, 1),
                new LocalDate(2026, 12, 31),
                [
                    new Milestone(new MilestoneKey("baseline"), "Baseline reading survey", new LocalDate(2026, 5, 31)),
                    new Milestone(new MilestoneKey("camps"), "Camps held in twelve schools", new LocalDate(2026, 8, 31), Weight: 3),
                ],
                [new BudgetLine(new BudgetLineKey("books"), "Storybooks", parents, new Money(250_000m, "KES"), new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31))]),
            coalition,
            For(teachers),
            april);
        camps.Approve(approval.Reference!, coalition, secretariat, april + Duration.FromHours(3));
        camps.Start(new LocalDate(2026, 4, 6), coalition, For(teachers), Instant.FromUtc(2026, 4, 6, 9, 0));

        // Parents Network pledges its MOU commitment to the fund for the camps; the money arrives on 4 May.
        var pledge = Pledge.Make(
            PledgeId.New(),
            new PledgeOffer(coalition.Id, parents, ContributionKind.Money, "Storybooks for the reading camps", new LocalDate(2026, 6, 30), new Money(250_000m, "KES"), Fund: fund.Id, Initiative: camps.Id, Agreement: mou.Id, Commitment: "reading-fund"),
            coalition,
            For(parents),
            april);
        var may4 = Instant.FromUtc(2026, 5, 4, 9, 0);
        var receipt = pledge.RecordReceipt(new PledgeReceipt(new LocalDate(2026, 5, 4), new Money(250_000m, "KES"), Note: "Bank transfer"), coalition, secretariat, may4);
        fund.RecordContribution(pledge, receipt.Number, coalition, secretariat, may4);
        camps.LinkContribution(parents, "Storybooks for the camps", [pledge], mou, "reading-fund", coalition, For(parents), may4);
        foreach (var line in ContributionRecord.Of(parents, [pledge], new LocalDate(2026, 5, 4)).Describe(names[parents]).Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        // Literacy Now claims KES 80,000 for storybooks; below the threshold, the treasurer approves without a decision, then pays.
        var expense = fund.SubmitExpense(new ExpenseClaim(literacyNow, new Money(80_000m, "KES"), "Storybooks for twelve schools", new LocalDate(2026, 5, 8), camps.Id, new BudgetLineKey("books")), coalition, For(literacyNow), Instant.FromUtc(2026, 5, 8, 9, 0));
        fund.ApproveExpense(expense.Number, null, coalition, governance, For(treasurer), Instant.FromUtc(2026, 5, 9, 9, 0));
        fund.PayExpense(expense.Number, new LocalDate(2026, 5, 11), coalition, governance, For(treasurer), Instant.FromUtc(2026, 5, 11, 9, 0));
        try
        {
            var big = fund.SubmitExpense(new ExpenseClaim(literacyNow, new Money(150_000m, "KES"), "Trainers' fees", new LocalDate(2026, 5, 8)), coalition, For(literacyNow), Instant.FromUtc(2026, 5, 8, 9, 0));
            fund.ApproveExpense(big.Number, null, coalition, governance, For(treasurer), Instant.FromUtc(2026, 5, 9, 9, 0));
        }
        catch (CoalitionRuleException refused)
        {
            Console.WriteLine($"   Refused [{refused.Code}]: {refused.Message}");
        }

        foreach (var line in fund.StatementFor(new LocalDate(2026, 4, 1), new LocalDate(2026, 5, 31)).Describe(names.GetValueOrDefault).Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        // Members share what is not money through the library: the university lends its tablets for the baseline survey.
        var library = ResourceLibrary.Open(ResourceLibraryId.New(), new LibraryDraft(coalition.Id, "Shared library"), coalition, secretariat, april);
        var tablets = library.Offer(new ResourceOffer(university, ResourceKind.Equipment, "Twenty tablets for reading assessments"), coalition, For(university), april);
        library.Offer(new ResourceOffer(university, ResourceKind.Data, "County reading survey 2025", Lendable: false), coalition, For(university), april);
        var ask = library.Request(new ResourceRequest(teachers, ResourceKind.Equipment, "Tablets for the baseline survey", new LocalDate(2026, 5, 1)), coalition, For(teachers), april);
        var loan = library.Lend(new LoanTerms(tablets.Number, teachers, new LocalDate(2026, 5, 31), ask.Number), coalition, For(university), Instant.FromUtc(2026, 4, 20, 9, 0));
        library.RecordReturn(loan.Number, new LocalDate(2026, 5, 30), coalition, For(university), Instant.FromUtc(2026, 5, 30, 12, 0));
        Console.WriteLine($"   Library: {library.Offers.Count} offers; '{tablets.Offer.Title}' lent to {names[teachers]} from {library.Loans[0].LentOn:d MMM} and back on {library.Loans[0].ReturnedOn:d MMM}; the request is {(library.Requests[0].IsOpen ? "still open" : "met")}.");

        // The baseline survey is done; the university measures the charter's goal for the first half of 2026.
        camps.RecordMilestone(new MilestoneKey("baseline"), new LocalDate(2026, 5, 29), "1,200 pupils assessed.", coalition, For(teachers), Instant.FromUtc(2026, 5, 30, 9, 0));
        var reading = Indicator.Define(
            IndicatorId.New(),
            new IndicatorDefinition(coalition.Id, "Ten-year-olds reading at grade level", "%", GoalDirection.Increase, 58m, new LocalDate(2026, 1, 1), 80m, new LocalDate(2030, 12, 31), MeasurementAggregation.Latest, Goal: new GoalKey("reading-by-ten"), Initiative: camps.Id),
            coalition,
            camps,
            secretariat,
            april);
        var july = Instant.FromUtc(2026, 7, 6, 9, 0);
        reading.Report(new MeasurementReport(university, new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30), 62m, "County reading assessment"), coalition, For(university), july);
        var summary = ImpactSummary.Write(coalition, [reading], [camps], [pledge], [fund], new LocalDate(2026, 7, 6));
        foreach (var line in summary.Text.Split('\n'))
        {
            Console.WriteLine($"   {line}");
        }

        // Funders ask for IATI: the camps, their partners and roles, budget, the fund's transactions and results.
        var file = IatiActivityFile.Write(camps, new IatiPublisher("KE-NCB-123456", coalition.Name, IatiOrganisationType.NationalNgo, RecipientCountry: "KE"), [fund], [reading], july);
        var activity = file.Root!.Element("iati-activity")!;
        Console.WriteLine($"   IATI {IatiActivityFile.Version} activity {activity.Element("iati-identifier")!.Value}: {activity.Elements("participating-org").Count()} participating organisations, {activity.Elements("transaction").Count()} transactions, {activity.Elements("result").Count()} result.");
        Console.WriteLine();
    }
}
