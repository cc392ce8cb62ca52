using System;

namespace Tribe.Sso.Members;

/// <summary>
/// A delivery's body is not a webhook the community sends: not JSON, too deep, a duplicated name, or a required field
/// missing or of the wrong kind. The message names the field, never a value from the body.
/// </summary>
public sealed class TribeWebhookFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the field and never a value from the body.</param>
    public TribeWebhookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public TribeWebhookFormatException()
        : base("The webhook body is not a delivery the community sends.")
    {
    }

    /// <summary>Creates the exception. The inner exception is not kept: a parser's message may quote the body.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">Ignored, so that no quoted body reaches a log.</param>
    public TribeWebhookFormatException(string message, Exception? innerException)
        : base(message)
    {
        _ = innerException;
    }
}
