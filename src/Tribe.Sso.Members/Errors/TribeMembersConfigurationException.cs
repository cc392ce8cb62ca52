namespace Tribe.Sso.Members;

/// <summary>A <see cref="TribeMembersClientOptions"/> value breaks a rule; <see cref="OptionName"/> says which.</summary>
public sealed class TribeMembersConfigurationException : TribeMembersException
{
    internal TribeMembersConfigurationException(string optionName, string message)
        : base(message, operation: null, errorCode: null, innerException: null)
    {
        OptionName = optionName;
    }

    /// <summary>The option, as spelled on <see cref="TribeMembersClientOptions"/>, such as <c>ClientSecret</c>.</summary>
    public string OptionName { get; }
}
