using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>Reads a gateway answer exactly: each error's message, code (top level and in extensions), locations and path.</summary>
internal static class GatewayAnswers
{
    /// <summary>
    /// Each error as one line: <c>line:column message</c> when it has a location (<c>line:column,line:column message</c> for several), <c>[path] message</c> when it has a path,
    /// <c>- message</c> otherwise; after checking the answer's status, that <c>data</c> is null and every error has <paramref name="code"/>.
    /// </summary>
    public static IReadOnlyList<string> Refusal(TribeCommunitySimulatorResponse response, int status, string code)
    {
        response.StatusCode.Should().Be(status, response.Body);
        var json = GatewayFixture.Json(response);
        json.EnumerateObject().Select(p => p.Name).Should().Equal("errors", "data");
        json.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Null);
        return json.GetProperty("errors").EnumerateArray().Select(e => Line(e, code)).ToList();
    }

    /// <summary>The one error of a refusal, as <see cref="Refusal"/> writes it.</summary>
    public static string Only(TribeCommunitySimulatorResponse response, int status, string code)
    {
        var errors = Refusal(response, status, code);
        errors.Should().HaveCount(1, response.Body);
        return errors[0];
    }

    private static string Line(JsonElement error, string code)
    {
        error.GetProperty("code").GetString().Should().Be(code, error.ToString());
        error.GetProperty("extensions").EnumerateObject().Select(p => p.Name).Should().Equal("code");
        error.GetProperty("extensions").GetProperty("code").GetString().Should().Be(code);
        var names = error.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().Equal(new[] { "message", "code", "locations", "path", "extensions" }.Where(names.Contains));
        var message = error.GetProperty("message").GetString();
        if (error.TryGetProperty("locations", out var locations))
        {
            locations.GetArrayLength().Should().BePositive();
            return string.Join(",", locations.EnumerateArray().Select(l => l.GetProperty("line").GetInt32() + ":" + l.GetProperty("column").GetInt32())) + " " + message;
        }

        if (error.TryGetProperty("path", out var path))
        {
            return "[" + string.Join(",", path.EnumerateArray().Select(p => p.GetString())) + "] " + message;
        }

        return "- " + message;
    }
}
