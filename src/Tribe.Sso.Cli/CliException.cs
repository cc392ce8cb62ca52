using System;

namespace Tribe.Sso.Cli;

/// <summary>Unusable input: the message is printed as one line on stderr and the exit code is 2.</summary>
internal sealed class CliException : Exception
{
    public CliException(string option, string message)
        : base(option + ": " + message)
    {
    }
}
