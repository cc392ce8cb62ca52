using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// One <c>AddTribeSsoMembers</c> call: the community's name (its options name and service key; empty for the default
/// community), the configuration path that messages put in front of a setting (such as <c>TribeSso:Members</c>) and the
/// name of its <see cref="System.Net.Http.HttpClient"/> in <c>IHttpClientFactory</c>.
/// </summary>
internal sealed class TribeMembersRegistration
{
    public TribeMembersRegistration(string name, string settingsPath)
    {
        Name = name;
        SettingsPath = settingsPath;
        HttpClientName = TribeSsoMembersServiceCollectionExtensions.HttpClientNameFor(name);
        DisplayName = name.Length == 0 ? "The default Tribe SSO community's members client" : "Tribe SSO community '" + name + "' members client";
    }

    /// <summary>Gets the options name and service key; <see cref="Options.DefaultName"/> for the default community.</summary>
    public string Name { get; }

    /// <summary>Gets the prefix of every setting in messages, such as <c>TribeSso:Members</c> or <c>Communities:acme:Members</c>.</summary>
    public string SettingsPath { get; }

    /// <summary>Gets the name of the community's client in <c>IHttpClientFactory</c>.</summary>
    public string HttpClientName { get; }

    /// <summary>Gets how logs name the client.</summary>
    public string DisplayName { get; }
}
