namespace Tribe.Sso.Members;

/// <summary>A readable answer: the data, or the first error's code and field.</summary>
internal readonly struct GraphQlAnswer<TData>
    where TData : class
{
    public GraphQlAnswer(TData? data, bool hasErrors, string? errorCode, string? errorField, int statusCode)
    {
        Data = data;
        HasErrors = hasErrors;
        ErrorCode = errorCode;
        ErrorField = errorField;
        StatusCode = statusCode;
    }

    public TData? Data { get; }

    public bool HasErrors { get; }

    public string? ErrorCode { get; }

    public string? ErrorField { get; }

    public int StatusCode { get; }
}
