namespace Tribe.Sso.Cli;

/// <summary>What relinking one email to one externalId came to; the progress file stores it by name.</summary>
internal enum RelinkOutcome
{
    Relinked,
    AlreadyLinked,
    NotFound,
    Refused,
}
