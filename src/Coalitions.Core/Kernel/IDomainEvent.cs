using NodaTime;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Something that happened to an aggregate. Events are facts: immutable, past tense, and
/// applied without checks when an aggregate is rebuilt from its history.
/// </summary>
/// <remarks>
/// Every event type is a <see langword="sealed"/> <see langword="record"/> registered in
/// <see cref="Serialization.CoalitionsJson"/> under a stable type discriminator, so hosts can
/// store events as JSON and read them back in any later version of the package.
/// </remarks>
public interface IDomainEvent
{
    /// <summary>Gets when it happened.</summary>
    Instant At { get; }

    /// <summary>Gets who made it happen.</summary>
    Actor By { get; }
}
