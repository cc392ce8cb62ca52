using System;
using System.Globalization;

namespace Tribe.Sso.Cli;

/// <summary>The Unix seconds a token can carry: those of <see cref="DateTimeOffset"/>, years 1 to 9999, as the reader reads them.</summary>
internal static class UnixTime
{
    public static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    public static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The instant of <paramref name="seconds"/>, or a <see cref="CliException"/> for <paramref name="option"/> that names the range.</summary>
    public static DateTimeOffset Parse(string option, long seconds, long latest) => seconds >= Min && seconds <= latest
        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : throw new CliException(option, string.Format(CultureInfo.InvariantCulture, "is outside the dates a token can carry. Pass Unix seconds from {0} to {1} (years 1 to 9999), such as 1767225600.", Min, latest));
}
