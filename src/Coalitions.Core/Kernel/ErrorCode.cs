namespace Coalitions.Core.Kernel;

/// <summary>
/// A stable, documented code for one kind of refusal, such as <c>Decisions.QuorumNotMet</c>.
/// Hosts map codes to responses and translations; codes never change once released.
/// </summary>
/// <remarks>All codes are listed in <see cref="ErrorCodes"/> and in <c>docs/error-codes.md</c>.</remarks>
public sealed class ErrorCode : IEquatable<ErrorCode>
{
    internal ErrorCode(string code, string rule)
    {
        Code = code;
        Rule = rule;
    }

    /// <summary>Gets the code, <c>Area.Name</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the rule the code stands for, in one plain sentence.</summary>
    public string Rule { get; }

    /// <summary>Gets the area, the part of <see cref="Code"/> before the dot.</summary>
    public string Area => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    /// <inheritdoc />
    public bool Equals(ErrorCode? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ErrorCode);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns <see cref="Code"/>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
