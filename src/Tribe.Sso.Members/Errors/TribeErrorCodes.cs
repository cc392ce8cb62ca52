namespace Tribe.Sso.Members;

/// <summary>The community's error codes the client acts on (docs/members.md#error-codes).</summary>
internal static class TribeErrorCodes
{
    public const string ServerError = "10";
    public const string ValidationFailed = "100";
    public const string Permission = "102";
    public const string RateLimited = "104";
    public const string InvalidParameter = "106";
    public const string InvalidToken = "108";
    public const string NotFound = "110";
    public const string MissingParameter = "112";
    public const string ParameterType = "114";

    public static bool IsValidation(string? code) => code is ValidationFailed or InvalidParameter or MissingParameter or ParameterType;
}
