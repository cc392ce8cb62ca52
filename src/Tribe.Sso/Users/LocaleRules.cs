namespace Tribe.Sso;

/// <summary>The syntax of a BCP 47 language tag (RFC 5646): a 2–3 or 5–8 letter language, then 1–8 character alphanumeric subtags.</summary>
internal static class LocaleRules
{
    internal const int MaxLength = 35;

    /// <returns>What is wrong, or null when the tag is well-formed.</returns>
    public static string? FindProblem(string tag)
    {
        if (tag.Length > MaxLength)
        {
            return "it is longer than 35 characters";
        }

        if (tag.Contains('_'))
        {
            return "subtags are separated by '_' (write fr-CA, not fr_CA)";
        }

        var parts = tag.Split('-');
        var language = parts[0];
        if (language.Length is < 2 or > 8 or 4 || !AllLetters(language))
        {
            return "the language subtag must be 2–3 letters, such as en or fr";
        }

        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 8 || !AllLettersOrDigits(part))
            {
                return "each subtag after the language must be 1–8 letters or digits";
            }
        }

        return null;
    }

    private static bool AllLetters(string value)
    {
        foreach (var c in value)
        {
            if (!TextRules.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllLettersOrDigits(string value)
    {
        foreach (var c in value)
        {
            if (!TextRules.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
