#if NETSTANDARD2_0
using System;

namespace Tribe.Sso;

/// <summary>The <see cref="string"/> members that netstandard2.0 lacks, so one source reads the same on every target.</summary>
internal static class StringPolyfills
{
    public static bool Contains(this string value, char c) => value.IndexOf(c) >= 0;

    public static bool Contains(this string value, string part, StringComparison comparison) => value.IndexOf(part, comparison) >= 0;

    public static bool EndsWith(this string value, char c) => value.Length > 0 && value[value.Length - 1] == c;
}
#endif
