using System;
using System.Security.Claims;

namespace Tribe.Sso.AspNetCore;

/// <summary>The default mapping from a signed-in <see cref="ClaimsPrincipal"/> to a <see cref="TribeSsoUser"/>.</summary>
public static class TribeSsoClaimsMapping
{
    /// <summary>
    /// Maps the standard claims: id from <see cref="ClaimTypes.NameIdentifier"/> or <c>sub</c>, name from
    /// <see cref="ClaimTypes.Name"/> or <c>name</c>, email from <see cref="ClaimTypes.Email"/> or <c>email</c>.
    /// Only send addresses you verified: the community trusts the email as verified.
    /// </summary>
    /// <param name="principal">The signed-in user.</param>
    /// <returns>The user, with no optional claims.</returns>
    /// <exception cref="TribeSsoClaimException">A claim is missing or breaks a rule; the message says which and how to map it.</exception>
    public static TribeSsoUser FromStandardClaims(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = Find(principal, ClaimNames.Subject, ClaimTypes.NameIdentifier, "sub");
        var name = Find(principal, ClaimNames.Name, ClaimTypes.Name, "name");
        var email = Find(principal, ClaimNames.Email, ClaimTypes.Email, "email");
        return TribeSsoUser.Create(id, name, email).Build();
    }

    private static string Find(ClaimsPrincipal principal, string tribeClaim, string claimType, string shortType)
    {
        var value = principal.FindFirst(claimType)?.Value ?? principal.FindFirst(shortType)?.Value;
        return value ?? throw new TribeSsoClaimException(
            tribeClaim,
            "Claim '" + tribeClaim + "' has no source: the signed-in user has no '" + claimType + "' or '" + shortType + "' claim. Add it when you sign the user in, or pass a mapping to MapTribeSso.");
    }
}
