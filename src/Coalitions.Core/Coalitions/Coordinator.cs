using Coalitions.Core.Kernel;
using FluentValidation;

namespace Coalitions.Core.Coalitions;

/// <summary>
/// A person who administers a coalition: a member of its secretariat or one of its convenors. Coordinators take the
/// coalition's lifecycle steps, invite members, record renewals and decisions, and keep its governance; the person
/// who founds a coalition is its first coordinator.
/// </summary>
/// <param name="Person">The person.</param>
/// <param name="Name">Their name: one line of at most 200 characters.</param>
/// <exception cref="CoalitionRuleException">The person is the empty id (<c>Kernel.EmptyId</c>) or the name is blank, too long or not one line (<c>Coalitions.InvalidCoordinator</c>).</exception>
public sealed record Coordinator(PersonId Person, string Name)
{
    /// <summary>Gets the person.</summary>
    public PersonId Person { get; init; } = Ensure.Id(Person, nameof(Person));

    /// <summary>Gets their name.</summary>
    public string Name { get; init; } = CheckName(Name);

    internal static string? NameProblem(string? name) =>
        FreeText.Problem(name, required: true, Limits.NameLength) is { } problem ? problem :
        FreeText.IsSingleLine(name!) ? null : "is one line, without tabs or line breaks.";

    private static string CheckName(string name) =>
        NameProblem(name) is { } problem
            ? throw CoalitionRuleException.Because(ErrorCodes.Coalitions.InvalidCoordinator, "A coordinator's name " + problem, ("limit", Limits.NameLength))
            : name;
}

/// <summary>Checks a <see cref="Coordinator"/> at the boundary (a <c>with</c> copy skips the constructor's checks).</summary>
internal sealed class CoordinatorValidator : AbstractValidator<Coordinator>
{
    public static readonly CoordinatorValidator Instance = new();

    private CoordinatorValidator()
    {
        RuleFor(c => c.Person).IsId();
        RuleFor(c => c.Name).Must(name => Coordinator.NameProblem(name) is null)
            .WithErrorCode(ErrorCodes.Coalitions.InvalidCoordinator.Code)
            .WithMessage("A coordinator's name is one line of at most 200 characters.");
    }
}
