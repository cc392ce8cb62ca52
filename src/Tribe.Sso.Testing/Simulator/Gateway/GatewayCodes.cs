namespace Tribe.Sso.Testing;

/// <summary>
/// The error codes the gateway answers with: the community's own string codes (as its Node client names them) for
/// what a resolver refuses, and the codes GraphQL servers commonly use for a document they cannot run.
/// </summary>
internal static class GatewayCodes
{
    /// <summary><c>PARAMETER_VALIDATION_FAILED</c>: an argument the community refuses (a taken email, a bad limit).</summary>
    public const string Validation = "100";

    /// <summary><c>PERMISSION_ERROR</c>: the token may not do this, or the app is not installed on the network.</summary>
    public const string Permission = "102";

    /// <summary><c>USER_REQUEST_REACHED</c>: the rate limit; HTTP 429 with <c>Retry-After</c>.</summary>
    public const string RateLimited = "104";

    /// <summary><c>INVALID_ACCESS_TOKEN</c>: no token, a token the gateway did not sign or one past its <c>exp</c>, or bad app credentials.</summary>
    public const string InvalidAccessToken = "108";

    /// <summary><c>RESOURCE_NOT_FOUND</c>: no such member.</summary>
    public const string NotFound = "110";

    /// <summary>The request is not a GraphQL request: not a POST, or a body that is not <c>{query, variables, operationName}</c>.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The query does not parse.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The query parses but does not fit the schema (an unknown field, a missing argument, a bad variable type).</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>A variable's value does not fit its declared type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
}
