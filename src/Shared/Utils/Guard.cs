using System;

namespace Tribe.Sso;

/// <summary>The one guard style of the code base; works on netstandard2.0, where <c>ArgumentNullException.ThrowIfNull</c> does not exist.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string parameterName)
        where T : class
        => value ?? throw new ArgumentNullException(parameterName);
}
