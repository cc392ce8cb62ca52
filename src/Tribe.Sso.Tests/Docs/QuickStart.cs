using System;
using Tribe.Sso;

namespace Tribe.Sso.Tests.Docs;

/// <summary>The README quick start, compiled. <see cref="ReadmeTests"/> checks the README shows exactly this code.</summary>
internal static class QuickStart
{
    public static TribeSsoLink Run(string secretFromConfiguration, TimeProvider? clock = null)
    {
        #region QuickStart
        var issuer = new TribeSsoIssuer(new TribeSsoOptions
        {
            CommunityUrl = new Uri("https://community.example.com"),
            PrivateKey = TribeSsoKey.FromString(secretFromConfiguration),
        }, clock);

        TribeSsoUser user = TribeSsoUser.Create(id: "42", name: "Jane Doe", email: "jane@example.com")
            .WithRole(TribeRole.Moderator)
            .AddToGroups(TribeGroup.Joined("5f1c0e8b9d3e4a0012345678"))
            .Build();

        TribeSsoLink link = issuer.CreateLoginUrl(user, redirectPath: "/answers");
        #endregion

        return link;
    }
}
