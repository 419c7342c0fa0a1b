namespace Coalitions.Core.Engagement;

/// <summary>
/// A sound set of statements for a collaboration health check, in the manner of the Wilder Collaboration Factors
/// Inventory: factors grouped into environment, membership, process and structure, communication, purpose and
/// resources, each measured by one or two statements members rate from 1 to 5. The wording is this project's own; a
/// coalition may use its own statements instead.
/// </summary>
public static class HealthCheckStatements
{
    /// <summary>Gets the standard set: 21 factors, 24 statements, all worded so that agreeing is good.</summary>
    public static IReadOnlyList<HealthStatement> Standard { get; } =
    [
        S("history", HealthCategory.Environment, "history", "A track record of working together",
            "Our organizations had worked alongside one another before this coalition began, and that experience helps us now."),
        S("standing", HealthCategory.Environment, "standing", "Standing in the community",
            "People and institutions outside the coalition see it as a credible voice on the issues it works on."),
        S("climate", HealthCategory.Environment, "climate", "A favourable climate",
            "Decision makers and the public are, on the whole, open to what the coalition is trying to achieve at present."),

        S("trust", HealthCategory.Membership, "trust", "Trust and respect",
            "Members trust one another and treat each other's views with respect."),
        S("open-disagreement", HealthCategory.Membership, "trust", "Trust and respect",
            "When members disagree, they can say so openly without harming their working relationships."),
        S("mix", HealthCategory.Membership, "mix", "The right mix of members",
            "The coalition includes the organizations and communities it needs to reach its goals."),
        S("worth-it", HealthCategory.Membership, "self-interest", "Members see a gain for themselves",
            "My organization gets enough out of the coalition to justify the time and effort it puts in."),
        S("compromise", HealthCategory.Membership, "compromise", "Willingness to compromise",
            "Members are ready to give ground on details so that the coalition can move forward together."),

        S("ownership", HealthCategory.ProcessAndStructure, "ownership", "Shared ownership of process and results",
            "Members feel responsible both for how the coalition works and for what it achieves."),
        S("levels", HealthCategory.ProcessAndStructure, "levels", "Involvement at every level",
            "People at several levels of each member organization, not only its leaders, take part in the coalition's work."),
        S("flexibility", HealthCategory.ProcessAndStructure, "flexibility", "Flexibility",
            "The coalition is open to trying different ways of organizing itself and getting its work done."),
        S("roles", HealthCategory.ProcessAndStructure, "roles", "Clear roles and rules",
            "Each member knows what is expected of it, and how decisions are taken is clear to all."),
        S("decisions", HealthCategory.ProcessAndStructure, "roles", "Clear roles and rules",
            "Decisions are taken the way the coalition agreed, and everyone can see how they were reached."),
        S("adaptability", HealthCategory.ProcessAndStructure, "adaptability", "Adapting to change",
            "The coalition can keep going when circumstances, funding or the people involved change."),
        S("pace", HealthCategory.ProcessAndStructure, "pace", "A workable pace",
            "The coalition takes on what it can handle, at a pace its members can keep up with."),
        S("learning", HealthCategory.ProcessAndStructure, "learning", "Learning as we go",
            "We look back at what worked and what did not, and change how we work as a result."),

        S("open-communication", HealthCategory.Communication, "open-communication", "Open and frequent communication",
            "Members hear about the coalition's work often, and news reaches everyone who needs it."),
        S("informal-links", HealthCategory.Communication, "informal-links", "Informal links",
            "People in member organizations know each other well enough to pick up the phone outside formal meetings."),

        S("goals", HealthCategory.Purpose, "goals", "Concrete, attainable goals",
            "The coalition's goals are clear, and members believe they can be reached."),
        S("vision", HealthCategory.Purpose, "vision", "A shared vision",
            "Members hold the same picture of what the coalition is working towards."),
        S("distinct-purpose", HealthCategory.Purpose, "distinct-purpose", "A distinct purpose",
            "The coalition does something that no member could do as well on its own."),

        S("means", HealthCategory.Resources, "means", "Enough money, staff, materials and time",
            "The coalition has the funds, people, materials and time its plans call for."),
        S("leadership", HealthCategory.Resources, "leadership", "Skilled leadership",
            "Those who lead the coalition bring people together, keep the work moving and are trusted to do so."),
        S("shared-leadership", HealthCategory.Resources, "leadership", "Skilled leadership",
            "Leadership is shared, so the coalition does not depend on one or two people."),
    ];

    private static HealthStatement S(string key, HealthCategory category, string factor, string factorName, string text) =>
        new(new HealthStatementKey(key), category, new FactorKey(factor), factorName, text);
}
