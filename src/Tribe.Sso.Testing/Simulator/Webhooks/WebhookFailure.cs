namespace Tribe.Sso.Testing;

/// <summary>Why an attempt failed, as <c>GET /_simulator/webhooks</c> writes it in <c>lastError</c>.</summary>
internal static class WebhookFailure
{
    /// <summary>The endpoint answered, but not 2xx (a redirect is not followed: it is a failure too).</summary>
    public const string HttpStatus = "http-status";

    /// <summary>No answer within the attempt's timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>No answer at all: the connection was refused, reset or could not be made.</summary>
    public const string Connection = "connection";

    /// <summary>The test request was answered 2xx without the challenge echoed in <c>data.challenge</c>.</summary>
    public const string ChallengeNotEchoed = "challenge-not-echoed";

    /// <summary>The test request was answered 2xx with more than 1 MiB, which is not read for its echo.</summary>
    public const string AnswerTooLarge = "answer-too-large";

    /// <summary>The handler given in the options threw something else.</summary>
    public const string Error = "error";
}
