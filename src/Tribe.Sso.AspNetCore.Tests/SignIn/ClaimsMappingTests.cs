using System.Security.Claims;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The default mapping: ASP.NET Core's claim types first, the short JWT names when they are missing.</summary>
public class ClaimsMappingTests
{
    [Test]
    public void ShortJwtClaims_AreEnough()
    {
        var user = TribeSsoClaimsMapping.FromStandardClaims(Principal(new Claim("sub", "7"), new Claim("name", "Jo"), new Claim("email", "jo@example.com")));

        (user.Id, user.Name, user.Email).Should().Be(("7", "Jo", "jo@example.com"));
    }

    [Test]
    public void AspNetCoreClaimTypes_WinOverTheShortNames()
    {
        var user = TribeSsoClaimsMapping.FromStandardClaims(Principal(
            new Claim("sub", "7"), new Claim("name", "Jo"), new Claim("email", "jo@example.com"),
            new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Name, "Jane Doe"), new Claim(ClaimTypes.Email, "jane@example.com")));

        (user.Id, user.Name, user.Email).Should().Be(("42", "Jane Doe", "jane@example.com"));
    }

    [Test]
    public void MissingClaim_IsNamedWithBothItsSources()
    {
        var map = () => TribeSsoClaimsMapping.FromStandardClaims(Principal(new Claim("sub", "7"), new Claim("email", "jo@example.com")));

        map.Should().Throw<TribeSsoClaimException>().WithMessage(
            "Claim 'name' has no source: the signed-in user has no '" + ClaimTypes.Name + "' or 'name' claim. Add it when you sign the user in, or pass a mapping to MapTribeSso.");
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));
}
