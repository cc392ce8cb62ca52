using System;
using System.Globalization;

namespace Tribe.Sso.Members;

/// <summary>Turns a refused answer, or retries that ran out, into the typed exception that says the fix.</summary>
internal static class AnswerErrors
{
    private const string CredentialsFix = "Check TribeMembersClientOptions.ClientId and ClientSecret against the app in the community's developer portal (a rotated secret must be updated in your secret store).";

    /// <summary>For <c>limitedToken</c>, the request that exchanges the app's credentials for a token.</summary>
    public static TribeMembersException ForTokenRequest(string? code, int status, string networkId)
    {
        const string Operation = "limitedToken";
        if (code == TribeErrorCodes.InvalidToken || (code is null && status == 401))
        {
            return new TribeMembersCredentialsException("The community refused the app's client id and secret (" + Describe(code, status) + "). " + CredentialsFix, Operation, code);
        }

        if (code is TribeErrorCodes.Permission or TribeErrorCodes.NotFound || TribeErrorCodes.IsValidation(code) || (code is null && status is 403 or 404))
        {
            return new TribeMembersAppNotInstalledException(
                "The community issued the app no token for network " + networkId + " (" + Describe(code, status) + "). Install the app on the community (admin panel, Apps), and check that TribeMembersClientOptions.NetworkId is that community's network id.",
                Operation,
                code);
        }

        return Unexpected(Operation, code, status);
    }

    /// <summary>For every member operation, which carries the bearer token.</summary>
    public static TribeMembersException ForOperation(string operation, string? code, string? field, int status, bool renewable, string? memberId)
    {
        if (code == TribeErrorCodes.InvalidToken || (code is null && status == 401))
        {
            return new TribeMembersCredentialsException(
                renewable
                    ? "The community refused the app's access token for " + operation + " even after renewing it (" + Describe(code, status) + "). " + CredentialsFix
                    : "The community refused TribeMembersClientOptions.AccessToken for " + operation + " (" + Describe(code, status) + "): it expired or was revoked. Obtain a new token, or set ClientId and ClientSecret so the client renews it.",
                operation,
                code);
        }

        if (code == TribeErrorCodes.Permission || (code is null && status == 403))
        {
            return new TribeMembersPermissionException(
                "The token may not run " + operation + " (" + Describe(code, status) + "). Use an app installed on the community (its bot token can manage members), or an admin's token.",
                operation,
                code);
        }

        if (code == TribeErrorCodes.NotFound)
        {
            return new TribeMembersNotFoundException(
                "No member " + (memberId is null ? "matched" : "has id " + memberId) + " for " + operation + " (code 110). Find the member again by externalId or email; it may have been deleted.",
                operation,
                memberId);
        }

        if (TribeErrorCodes.IsValidation(code))
        {
            return new TribeMembersValidationException(
                "The community refused the input of " + operation + " (code " + code + (field is null ? string.Empty : ", field " + Safe(field)) + "). Check the values: for example, another member may already hold that email or externalId.",
                operation,
                code);
        }

        return Unexpected(operation, code, status);
    }

    public static TribeMembersException RetriesExhausted(string operation, TransientFailure failure, int attempts)
    {
        var tries = attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
        return failure.Kind switch
        {
            TransientKind.RateLimited => RateLimited(operation, failure.RetryAfter, attempts, "after " + tries),
            TransientKind.ServerError => new TribeMembersResponseException(
                "The community answered " + operation + " with HTTP " + failure.StatusCode?.ToString(CultureInfo.InvariantCulture) + " (" + tries + "). It is failing for now: try again later, or raise MaxAttempts.",
                operation,
                statusCode: failure.StatusCode),
            _ => new TribeMembersResponseException(
                "The community did not answer " + operation + " (" + tries + ": " + (failure.InnerException is OperationCanceledException ? "timed out" : "connection failed" + (failure.Cause is null ? string.Empty : ", " + failure.Cause)) + "). Check TribeMembersClientOptions.ApiUrl and the network.",
                operation),
        };
    }

    public static TribeMembersRateLimitedException RateLimited(string operation, TimeSpan? retryAfter, int attempts, string when) => new(
        "The community refused " + operation + " for too many requests (code 104) " + when
            + (retryAfter is { } wait ? "; it asks to wait " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : string.Empty)
            + ". Slow down, or try again after RetryAfter; the community allows a burst per 10 seconds and a daily cap per plan.",
        operation,
        TribeErrorCodes.RateLimited,
        retryAfter,
        attempts);

    public static TribeMembersResponseException NotApplied(string operation, TransientFailure failure) => new(
        "The community answered " + operation + " with " + (failure.StatusCode is { } s ? "HTTP " + s.ToString(CultureInfo.InvariantCulture) : "no answer") + "; the request may have been applied, so it was not repeated. Check the member with FindByExternalIdAsync before calling again.",
        operation,
        statusCode: failure.StatusCode);

    public static TribeMembersResponseException Malformed(string operation, string what) => new(
        "The community's answer to " + operation + " " + what + ". Check that TribeMembersClientOptions.ApiUrl is the community's GraphQL endpoint.",
        operation);

    private static TribeMembersResponseException Unexpected(string operation, string? code, int status) => new(
        "The community refused " + operation + " (" + Describe(code, status) + "), which the client does not expect. Check TribeMembersClientOptions.ApiUrl; if it is right, report the code.",
        operation,
        code,
        status == 200 ? null : status);

    private static string Describe(string? code, int status)
        => code is not null ? "code " + code : status == 200 ? "an error without a code" : "HTTP " + status.ToString(CultureInfo.InvariantCulture);

    /// <summary>A field name is shown only when it looks like one (a GraphQL name), so no value slips into a message.</summary>
    private static string Safe(string field)
    {
        if (field.Length > 64)
        {
            return "(unnamed)";
        }

        foreach (var c in field)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' or '.'))
            {
                return "(unnamed)";
            }
        }

        return field;
    }
}
