using Coalitions.Core.Kernel;

// The quickstart grows with the library: each capability adds a chapter to this story.
Console.WriteLine("Coalitions.Core quickstart");
Console.WriteLine();
Console.WriteLine("1. Exact thresholds");
var twoThirds = Fraction.TwoThirds;
Console.WriteLine($"   6 of 9 members in favour meets at least {twoThirds.ToWords()}: {twoThirds.CompareShare(6, 9) >= 0}");
Console.WriteLine($"   5 of 9 members in favour meets at least {twoThirds.ToWords()}: {twoThirds.CompareShare(5, 9) >= 0}");
Console.WriteLine();
Console.WriteLine("2. Money never mixes currencies");
var pledged = new Money(1200m, "EUR") + new Money(300m, "EUR");
Console.WriteLine($"   Pledged so far: {pledged}");
try
{
    _ = pledged + new Money(500m, "KES");
}
catch (CoalitionRuleException refused)
{
    Console.WriteLine($"   Refused [{refused.Code}]: {refused.Message}");
}
