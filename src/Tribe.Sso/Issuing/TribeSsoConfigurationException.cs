namespace Tribe.Sso;

/// <summary>A <see cref="TribeSsoOptions"/> value breaks a rule; <see cref="OptionName"/> says which.</summary>
public sealed class TribeSsoConfigurationException : TribeSsoException
{
    internal TribeSsoConfigurationException(string optionName, string message)
        : base(message)
    {
        OptionName = optionName;
    }

    /// <summary>The name of the offending option, as spelled on <see cref="TribeSsoOptions"/> (for example <c>CommunityUrl</c>).</summary>
    public string OptionName { get; }
}
