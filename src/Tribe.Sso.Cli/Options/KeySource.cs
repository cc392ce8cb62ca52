using System;
using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary>
/// The key comes from the environment variable or a file, never from an option: an option would leak it into shell
/// history and process lists.
/// </summary>
internal static class KeySource
{
    public const string EnvironmentVariable = "TRIBE_SSO_PRIVATE_KEY";

    public static readonly Option<FileInfo?> KeyFile = new("--key-file")
    {
        Description = "A file holding the SSO private key (one trailing newline is stripped). Default: the environment variable " + EnvironmentVariable + ".",
    };

    /// <summary>The key text, or null when neither source is set.</summary>
    public static string? Read(ParseResult parse)
    {
        var file = parse.GetValue(KeyFile);
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new CliException("--key-file", "the file '" + file.FullName + "' does not exist. Pass the path of a file that holds the key.");
            }

            string text;
            try
            {
                text = File.ReadAllText(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException("--key-file", "the file '" + file.FullName + "' cannot be read (" + e.Message + "). Pass the path of a readable file that holds the key.");
            }

            var key = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;

            // Checked here, for every command: inspect would otherwise verify with an empty secret (HMAC pads it to
            // zeros) and call a token signed with it valid.
            return key.Length > 0
                ? key
                : throw new CliException("--key-file", "the file '" + file.FullName + "' is empty (or holds only a newline). Put the key from the \"JWT SSO\" app in the community's admin panel into it.");
        }

        var variable = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(variable) ? null : variable;
    }

    /// <summary>The signing key: required, and held to the SDK's rules.</summary>
    public static TribeSsoKey ForSigning(ParseResult parse, bool allowShort)
    {
        var text = Read(parse) ?? throw new CliException(EnvironmentVariable, "no key. Set the environment variable " + EnvironmentVariable + " or pass --key-file PATH.");
        try
        {
            return allowShort ? TribeSsoKey.FromShortCommunityKey(text) : TribeSsoKey.FromString(text);
        }
        catch (TribeSsoKeyException e)
        {
            throw new CliException(parse.GetValue(KeyFile) is null ? EnvironmentVariable : "--key-file", e.Message + (allowShort ? string.Empty : " (The opt-in here is --allow-short-key.)"));
        }
    }
}
