using System;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// The app's webhook signing secret comes only from the environment: an option would leak it into shell history and
/// process lists. No message quotes it.
/// </summary>
internal static class WebhookSecretSource
{
    public const string EnvironmentVariable = "TRIBE_WEBHOOK_SIGNING_SECRET";

    public static TribeWebhookSecret Read()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(text))
        {
            throw new CliException(EnvironmentVariable, "is not set. Set it to the app's signing secret, shown with the app's credentials in the community's developer portal.");
        }

        try
        {
            return TribeWebhookSecret.FromString(text);
        }
        catch (ArgumentException e)
        {
            // The SDK's messages name the rule, never the secret; ParamName is cut off so the line stays one sentence.
            throw new CliException(EnvironmentVariable, e.Message.Replace(" (Parameter '" + e.ParamName + "')", string.Empty, StringComparison.Ordinal));
        }
    }
}
