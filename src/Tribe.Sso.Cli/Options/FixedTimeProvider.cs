using System;

namespace Tribe.Sso.Cli;

/// <summary>The clock of <c>--issued-at</c> and <c>--now</c>: always the given instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
