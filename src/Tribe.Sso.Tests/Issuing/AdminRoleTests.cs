using System;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>A token with <c>role: admin</c> makes its holder a community admin, so signing one is a deliberate choice.</summary>
public class AdminRoleTests
{
    private static TribeSsoUser Admin() => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithRole(TribeRole.Admin).Build();

    [Test]
    public void AllowAdminRole_ByDefault_IsFalse()
        => new TribeSsoOptions().AllowAdminRole.Should().BeFalse();

    [Test]
    public void CreateToken_AdminByDefault_ThrowsClaimExceptionThatNamesTheOption()
    {
        var act = () => Issuers.AtFixedClock().CreateToken(Admin());

        act.Should().Throw<TribeSsoClaimException>()
            .Where(e => e.ClaimName == "role")
            .WithMessage("Claim 'role' is admin, which makes the holder a community admin, and this issuer does not sign admin tokens. If your site really grants community admin through SSO, set TribeSsoOptions.AllowAdminRole = true (configuration TribeSso:AllowAdminRole); otherwise use TribeRole.Moderator or TribeRole.Member.");
    }

    [Test]
    public void CreateLoginUrl_AdminByDefault_ThrowsClaimException()
    {
        var act = () => Issuers.AtFixedClock().CreateLoginUrl(Admin(), "/answers");

        act.Should().Throw<TribeSsoClaimException>().Where(e => e.ClaimName == "role" && e.Message.Contains("AllowAdminRole", StringComparison.Ordinal));
    }

    [TestCase(TribeRole.Member)]
    [TestCase(TribeRole.Moderator)]
    public void CreateToken_MemberOrModeratorByDefault_IsSigned(TribeRole role)
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithRole(role).Build();

        Jwt.PayloadJson(Issuers.AtFixedClock().CreateToken(user)).Should().Contain("\"role\":\"" + role.ToString().ToLowerInvariant() + "\"");
    }

    [Test]
    public void CreateToken_AdminWhenAllowed_WritesRoleAdmin()
    {
        var options = Issuers.Options();
        options.AllowAdminRole = true;

        var issuer = Issuers.AtFixedClock(options);

        issuer.AllowAdminRole.Should().BeTrue();
        Jwt.PayloadJson(issuer.CreateToken(Admin())).Should().Contain("\"role\":\"admin\"");
        issuer.CreateLoginUrl(Admin()).ToString().Should().StartWith("https://community.example.com/auth/sso?jwt=");
    }

    [Test]
    public void AllowAdminRole_ChangedAfterTheIssuerIsCreated_HasNoEffect()
    {
        var options = Issuers.Options();
        var issuer = Issuers.AtFixedClock(options);
        options.AllowAdminRole = true;

        issuer.Invoking(i => i.CreateToken(Admin())).Should().Throw<TribeSsoClaimException>();
    }
}
