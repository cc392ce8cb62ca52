using System;
using System.Security.Cryptography;

namespace Tribe.Sso.Testing;

/// <summary>Random ids: an event's (<c>data.id</c>, unique across runs, so a partner's delivery log never mistakes a new event for an old one) and the test request's challenge.</summary>
internal static class WebhookIds
{
    private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();

    /// <summary>24 lowercase hexadecimal characters, as the community's ids.</summary>
    public static string NewEventId() => WebhookSignature.Hex(RandomBytes(12));

    /// <summary>32 URL-safe base64 characters.</summary>
    public static string NewChallenge() => Convert.ToBase64String(RandomBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.GetBytes(bytes);
        return bytes;
    }
}
