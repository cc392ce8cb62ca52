using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>The community's answers, written as it writes them.</summary>
public static class Answers
{
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Data(JsonObject data) => Json(new JsonObject { ["data"] = data }.ToJsonString());

    /// <summary>An app token: a JWT whose payload has <c>exp</c> (the signature is not checked by the client).</summary>
    public static HttpResponseMessage Token(DateTimeOffset expires) => Data(new JsonObject { ["limitedToken"] = new JsonObject { ["accessToken"] = Jwt(expires) } });

    public static string Jwt(DateTimeOffset expires, string subject = "bot")
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Part("{\"sub\":\"" + subject + "\",\"exp\":" + expires.ToUnixTimeSeconds() + "}") + ".c2lnbmF0dXJl";
    }

    /// <summary>An error entry with its code at the top level, where the community puts it.</summary>
    public static HttpResponseMessage Error(string code, string message = "Something went wrong for jane@example.com", HttpStatusCode status = HttpStatusCode.OK)
        => Json(new JsonObject { ["data"] = null, ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["code"] = code }) }.ToJsonString(), status);

    public static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("<html>busy</html>", Encoding.UTF8, "text/html") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return response;
    }

    public static JsonObject Member(string id, string? externalId, string email, string status = "VERIFIED", string name = "Jane Doe")
        => new() { ["id"] = id, ["externalId"] = externalId, ["email"] = email, ["name"] = name, ["username"] = "u" + id, ["status"] = status, ["createdAt"] = "2026-01-02T03:04:05.000Z" };

    public static HttpResponseMessage MemberAnswer(string field, JsonObject member) => Data(new JsonObject { [field] = member });

    public static HttpResponseMessage Page(IEnumerable<JsonObject> members, string? endCursor = null)
        => Data(new JsonObject
        {
            ["members"] = new JsonObject
            {
                ["edges"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["node"] = m }).ToArray()),
                ["pageInfo"] = new JsonObject { ["hasNextPage"] = endCursor is not null, ["endCursor"] = endCursor },
            },
        });

    public static HttpResponseMessage Deleted(string status = "succeeded") => Data(new JsonObject { ["deleteMember"] = new JsonObject { ["status"] = status } });
}
