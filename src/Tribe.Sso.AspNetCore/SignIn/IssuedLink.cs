using System;

namespace Tribe.Sso.AspNetCore;

/// <summary>A link a sign-in endpoint signed for the current user, and when its token expires.</summary>
internal sealed record IssuedLink(TribeSsoLink Link, DateTimeOffset ExpiresAt);
