namespace Tribe.Sso.Members;

/// <summary>The two header values of a signed delivery (<see cref="TribeWebhookSigner"/>).</summary>
public sealed class TribeWebhookSignature
{
    internal TribeWebhookSignature(string signature, string timestamp)
    {
        Signature = signature;
        Timestamp = timestamp;
    }

    /// <summary>The value of <see cref="TribeWebhookHeaders.Signature"/>: 64 lowercase hex digits.</summary>
    public string Signature { get; }

    /// <summary>The value of <see cref="TribeWebhookHeaders.Timestamp"/>: milliseconds since the Unix epoch.</summary>
    public string Timestamp { get; }

    /// <summary>Describes the signature by its timestamp only.</summary>
    /// <returns>For example <c>TribeWebhookSignature { Timestamp = 1733313600000 }</c>.</returns>
    public override string ToString() => "TribeWebhookSignature { Timestamp = " + Timestamp + " }";
}
