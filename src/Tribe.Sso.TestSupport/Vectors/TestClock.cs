using System;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.TestSupport;

/// <summary>The fixed instant of the golden vectors: 2026-01-01T00:00:00Z = 1767225600.</summary>
public static class TestClock
{
    public const long UnixSeconds = 1767225600;

    public static readonly DateTimeOffset Instant = DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);

    public static FakeTimeProvider Create() => new(Instant);
}
