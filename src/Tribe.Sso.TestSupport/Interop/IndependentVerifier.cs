using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso.TestSupport;

/// <summary>Verifies tokens with <see cref="JsonWebTokenHandler"/>, the way a .NET receiver would.</summary>
public static class IndependentVerifier
{
    public static async Task<TokenValidationResult> ValidateAsync(string token, string key, bool validateLifetime = true)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(TestKeys.Bytes(key)),
            ValidAlgorithms = new List<string> { SecurityAlgorithms.HmacSha256 },
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = validateLifetime,
            RequireExpirationTime = true,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }
}
