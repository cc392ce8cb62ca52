using System;
using System.Globalization;

namespace Tribe.Sso.Testing;

internal static class Describe
{
    /// <summary>A short human duration: <c>14 s</c>, <c>3 min</c>, <c>5 h</c>, <c>2 d</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = (long)Math.Floor(Math.Abs(duration.TotalSeconds));
        return seconds switch
        {
            < 120 => seconds.ToString(CultureInfo.InvariantCulture) + " s",
            < 7200 => (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min",
            < 172800 => (seconds / 3600).ToString(CultureInfo.InvariantCulture) + " h",
            _ => (seconds / 86400).ToString(CultureInfo.InvariantCulture) + " d",
        };
    }
}
