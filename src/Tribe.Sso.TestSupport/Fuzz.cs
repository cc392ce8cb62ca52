using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsCheck;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// Runs a property over CsCheck-generated inputs from one seeded PCG, so a run is reproducible from its seed alone.
/// CI runs a few thousand inputs per property (a few seconds); <c>TRIBE_SSO_FUZZ_ITERATIONS</c> runs more and
/// <c>TRIBE_SSO_FUZZ_SEED</c> another seed. A failure names the seed and the input's index, and shows the input with
/// control and invisible characters escaped.
/// </summary>
public static class Fuzz
{
    public const string IterationsVariable = "TRIBE_SSO_FUZZ_ITERATIONS";
    public const string SeedVariable = "TRIBE_SSO_FUZZ_SEED";

    /// <summary>The seed of CI runs: fixed, so CI is reproducible; set <see cref="SeedVariable"/> to explore others.</summary>
    public const ulong DefaultSeed = 13;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary>The inputs per property: <see cref="IterationsVariable"/> when set, otherwise <paramref name="ciDefault"/>.</summary>
    public static int Iterations(int ciDefault)
        => int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ciDefault;

    /// <summary>Checks <paramref name="property"/> on inputs drawn from <paramref name="gen"/>; returns the number of inputs checked.</summary>
    public static int Run<T>(Gen<T> gen, Action<T> property, int ciDefault = 3000, Func<T, string>? show = null, [CallerMemberName] string name = "")
    {
        var iterations = Iterations(ciDefault);
        var seed = Seed;
        var random = new PCG(13, seed);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var input = gen.Generate(random, null!, out _);
            try
            {
                property(input);
            }
            catch (Exception e)
            {
                Assert.Fail(FormattableString.Invariant(
                    $"{name}: input #{i} of seed {seed} failed ({SeedVariable}={seed} {IterationsVariable}={i + 1} reproduces it).\nInput: {Escape(show is null ? input?.ToString() ?? "null" : show(input))}\n{e}"));
            }
        }

        TestContext.Progress.WriteLine(FormattableString.Invariant($"fuzz {name}: {iterations} inputs, seed {seed}, {clock.Elapsed.TotalSeconds:F1} s"));
        return iterations;
    }

    /// <summary>The first <paramref name="count"/> inputs <paramref name="gen"/> draws from the seed, for checks too slow to run thousands of times.</summary>
    public static T[] Sample<T>(Gen<T> gen, int count)
    {
        var random = new PCG(13, Seed);
        var inputs = new T[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = gen.Generate(random, null!, out _);
        }

        return inputs;
    }

    /// <summary>Shows text with everything unprintable as <c>\uXXXX</c>, cut to 2,000 characters.</summary>
    public static string Escape(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 2000 ? text[..2000] + "…(" + text.Length + " characters)" : text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            shown.Append(c is < ' ' or (>= '\u007F' and <= '\u009F') || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                ? FormattableString.Invariant($"\\u{(int)c:X4}")
                : c.ToString());
        }

        return shown.ToString();
    }
}
