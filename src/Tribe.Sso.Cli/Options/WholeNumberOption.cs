using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Cli;

/// <summary>
/// Options that take a whole number. The parser's own message for a value that does not fit the type names the .NET
/// type (<c>System.Nullable`1[System.Int32]</c>); here any whole number parses, clamped to the type's range, so the
/// command's range check names the option and the range, and anything else is an error naming the option.
/// </summary>
internal static class WholeNumberOption
{
    public static Option<long?> Int64(string name, string description, string example) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, example, long.MinValue, long.MaxValue),
    };

    public static Option<int?> Int32(string name, string description, string example) => new(name)
    {
        Description = description,
        CustomParser = result => (int?)Parse(result, name, example, int.MinValue, int.MaxValue),
    };

    private static long? Parse(ArgumentResult result, string name, string example, long min, long max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            result.AddError(name + ": '" + text + "' is not a whole number. Pass " + example + ".");
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : text.StartsWith('-') ? min : max;
    }
}
