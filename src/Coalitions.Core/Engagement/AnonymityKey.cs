using System.Security.Cryptography;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Engagement;

/// <summary>
/// The secret that keeps a health check's responses anonymous: 32 random bytes the host keeps outside the event store
/// (in its secret store) while the round is open, and destroys once it is closed.
/// </summary>
/// <remarks>
/// <para>A response is stored with a tag, an HMAC-SHA-256 of the check and the member under this key, never with the
/// member: the tag tells the check that a member has responded (so it responds once) without telling anyone who reads
/// the event store which member it was. Only the key links a tag to a member, and only while the host keeps it; once the
/// round is closed, the check records the respondents as an unordered list and no longer needs the key.</para>
/// <para>The check records a fingerprint of the key (another HMAC, from which the key cannot be recovered) so that a
/// wrong key is refused instead of letting a member respond twice. Use a new key for every round.</para>
/// <para>The key never appears in an event, a message or <see cref="ToString"/>; <see cref="ToBase64"/> is the one way out,
/// for the host's secret store.</para>
/// </remarks>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
public sealed class AnonymityKey
{
    /// <summary>The length of a key in bytes.</summary>
    public const int Length = 32;

    private static readonly byte[] TagLabel = Encoding.ASCII.GetBytes("coalitions/health-check/tag\0");
    private static readonly byte[] FingerprintLabel = Encoding.ASCII.GetBytes("coalitions/health-check/fingerprint\0");
    private readonly byte[] _key;

    private AnonymityKey(byte[] key) => _key = key;

    /// <summary>Creates a new key from the operating system's cryptographic random number generator.</summary>
    /// <returns>A fresh key.</returns>
    public static AnonymityKey Create() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Reads a key the host kept with <see cref="ToBase64"/>.</summary>
    /// <param name="text">The key in base 64: 32 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CoalitionRuleException">The text is not 32 bytes in base 64 (<c>Engagement.InvalidInput</c>).</exception>
    public static AnonymityKey FromBase64(string text)
    {
        var bytes = new byte[Length];
        if (text is null || text.Length > 64 || !Convert.TryFromBase64String(text, bytes, out var written) || written != Length)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Engagement.InvalidInput, "An anonymity key is 32 bytes in base 64.");
        }

        return new(bytes);
    }

    /// <summary>The key in base 64, for the host's secret store. Keep it out of the event store, logs and backups of either.</summary>
    /// <returns>The key as text.</returns>
    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Says what this is, without the secret.</summary>
    /// <returns>A fixed text.</returns>
    public override string ToString() => "AnonymityKey (secret)";

    /// <summary>The fingerprint a check records to recognize its key later.</summary>
    internal string Fingerprint(HealthCheckId check) => Mac(FingerprintLabel, check.Value, Guid.Empty);

    /// <summary>The tag a member's response carries in one check.</summary>
    internal string Tag(HealthCheckId check, PartnerId member) => Mac(TagLabel, check.Value, member.Value);

    /// <summary>Whether a text has the shape of a tag or fingerprint: 64 lower-case hexadecimal digits.</summary>
    internal static bool IsDigest(string? text) => text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private string Mac(byte[] label, Guid first, Guid second)
    {
        Span<byte> message = stackalloc byte[64 + 32];
        label.CopyTo(message);
        first.TryWriteBytes(message[label.Length..]);
        second.TryWriteBytes(message[(label.Length + 16)..]);
        var digest = HMACSHA256.HashData(_key, message[..(label.Length + 32)]);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }
}
