using System;

namespace Tribe.Sso.Testing;

/// <summary>A resolver's refusal, turned into an <c>errors</c> entry at the field's path; never leaves the gateway.</summary>
internal sealed class GatewayException : Exception
{
    public GatewayException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public GatewayException()
    {
        Code = GatewayCodes.Validation;
    }

    public GatewayException(string message)
        : this(GatewayCodes.Validation, message)
    {
    }

    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = GatewayCodes.Validation;
    }

    public string Code { get; }
}
