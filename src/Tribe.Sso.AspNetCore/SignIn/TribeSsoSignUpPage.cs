namespace Tribe.Sso.AspNetCore;

/// <summary>Endpoint metadata: anonymous visitors of this <c>MapTribeSso</c> endpoint go to the app's sign-up page, not its sign-in challenge.</summary>
internal sealed class TribeSsoSignUpPage
{
    public TribeSsoSignUpPage(string path, string returnUrlParameter)
    {
        Path = path;
        ReturnUrlParameter = returnUrlParameter;
    }

    public string Path { get; }

    public string ReturnUrlParameter { get; }
}
