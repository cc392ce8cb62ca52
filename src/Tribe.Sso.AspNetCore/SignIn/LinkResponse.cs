namespace Tribe.Sso.AspNetCore;

/// <summary>The JSON answer of <c>MapTribeSsoLink</c>.</summary>
/// <param name="Url">The SSO link, exact ASCII text.</param>
/// <param name="ExpiresAt">When the link's token expires, ISO 8601 in UTC.</param>
internal sealed record LinkResponse(string Url, string ExpiresAt);
