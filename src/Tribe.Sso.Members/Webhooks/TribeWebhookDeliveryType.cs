namespace Tribe.Sso.Members;

/// <summary>The <c>type</c> of a webhook delivery.</summary>
public enum TribeWebhookDeliveryType
{
    /// <summary>A type this package does not know; <see cref="TribeWebhookDelivery.TypeName"/> holds it as sent.</summary>
    Unknown = 0,

    /// <summary><c>TEST</c>: the challenge the community sends before it saves an app's webhook URL.</summary>
    Test = 1,

    /// <summary><c>SUBSCRIPTION</c>: an event the app subscribed to, in <see cref="TribeWebhookDelivery.Event"/>.</summary>
    Subscription = 2,

    /// <summary><c>APP_INSTALLED</c>: the app was installed on a community.</summary>
    AppInstalled = 3,

    /// <summary><c>APP_UNINSTALLED</c>: the app was uninstalled from a community.</summary>
    AppUninstalled = 4,
}
