namespace Coalitions.Core.Kernel;

/// <summary>
/// Thrown when stored events cannot be trusted: a stored event that cannot be read
/// (<see cref="ErrorCodes.Kernel.UnreadableEvent"/>) or a history that cannot be the history of one aggregate
/// (<see cref="ErrorCodes.Kernel.CorruptHistory"/>). It is the one exception type that reading and rehydrating
/// stored events throw for bad data, whatever went wrong inside.
/// </summary>
/// <remarks>
/// This is not a refusal of a command: nothing the user did caused it, and retrying will not help. A host should log
/// it with the stream and <see cref="Position"/> and alert whoever looks after the store.
/// </remarks>
#pragma warning disable CA1032 // The standard constructors would allow an exception without a code.
public sealed class StoredEventException : Exception
#pragma warning restore CA1032
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="code"><see cref="ErrorCodes.Kernel.UnreadableEvent"/> or <see cref="ErrorCodes.Kernel.CorruptHistory"/>.</param>
    /// <param name="message">What is wrong, naming the event and its position.</param>
    /// <param name="position">The 1-based position of the event in the history, when known.</param>
    /// <param name="eventType">The event's type discriminator or type name, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public StoredEventException(ErrorCode code, string message, long? position = null, string? eventType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Position = position;
        EventType = eventType;
    }

    /// <summary>Gets the code: <c>Kernel.UnreadableEvent</c> or <c>Kernel.CorruptHistory</c>.</summary>
    public ErrorCode Code { get; }

    /// <summary>Gets the 1-based position of the offending event in the history, when known.</summary>
    public long? Position { get; }

    /// <summary>Gets the offending event's type, when known.</summary>
    public string? EventType { get; }
}
