using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Errors;

/// <summary>Each error code of the community becomes the exception that says the fix, and no message shows a secret, a token or an email.</summary>
public class ErrorCodeTests
{
    private const string Email = "jane@example.com";

    [TestCase("102", typeof(TribeMembersPermissionException))]
    [TestCase("110", typeof(TribeMembersNotFoundException))]
    [TestCase("100", typeof(TribeMembersValidationException))]
    [TestCase("106", typeof(TribeMembersValidationException))]
    [TestCase("108", typeof(TribeMembersCredentialsException))]
    [TestCase("122", typeof(TribeMembersResponseException))]
    public async Task UpdateAsync_ErrorCode_ThrowsTypedExceptionWithoutSecrets(string code, Type expected)
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Error(code, "Member " + Email + " cannot be updated: " + Clients.ClientSecret));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.UpdateAsync("m1", new TribeMemberChanges { Email = Email });

        var thrown = (await act.Should().ThrowAsync<TribeMembersException>()).Which;
        thrown.Should().BeOfType(expected);
        thrown.ErrorCode.Should().Be(code);
        thrown.Operation.Should().Be("updateMember");
        AssertNothingSecret(thrown, handler);
    }

    [Test]
    public async Task ErrorCodeUnderExtensions_IsReadToo()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Json("""{"data":null,"errors":[{"message":"nope","extensions":{"code":"102"}}]}"""));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.DeleteAsync("m1");

        await act.Should().ThrowAsync<TribeMembersPermissionException>();
    }

    [Test]
    public async Task NumericErrorCode_IsReadAsItsDigits()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Json("""{"errors":[{"message":"nope","code":110}]}"""));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.DeleteAsync("m1");

        (await act.Should().ThrowAsync<TribeMembersNotFoundException>()).Which.MemberId.Should().Be("m1");
    }

    [TestCase("108", HttpStatusCode.OK, typeof(TribeMembersCredentialsException), "ClientSecret")]
    [TestCase(null, HttpStatusCode.Unauthorized, typeof(TribeMembersCredentialsException), "ClientSecret")]
    [TestCase("102", HttpStatusCode.OK, typeof(TribeMembersAppNotInstalledException), "Install the app")]
    [TestCase("110", HttpStatusCode.OK, typeof(TribeMembersAppNotInstalledException), "NetworkId")]
    [TestCase(null, HttpStatusCode.Forbidden, typeof(TribeMembersAppNotInstalledException), "Install the app")]
    public async Task TokenRequestRefused_ThrowsCredentialsOrAppNotInstalled(string? code, HttpStatusCode status, Type expected, string fix)
    {
        var handler = new ScriptedHandler();
        handler.OnToken = _ => Task.FromResult(code is null ? Answers.Status(status) : Answers.Error(code, "bad secret " + Clients.ClientSecret, status));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByEmailAsync(Email);

        var thrown = (await act.Should().ThrowAsync<TribeMembersException>()).Which;
        thrown.Should().BeOfType(expected);
        thrown.Operation.Should().Be("limitedToken");
        thrown.Message.Should().Contain(fix);
        handler.Operations.Should().BeEmpty();
        AssertNothingSecret(thrown, handler);
    }

    [Test]
    public async Task ErrorsWithoutCode_ThrowResponseException()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Json("""{"errors":[{"message":"Cannot query field \"externalId\" for jane@example.com"}]}"""));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByExternalIdAsync("42");

        var thrown = (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which;
        thrown.Message.Should().Contain("an error without a code");
        AssertNothingSecret(thrown, handler);
    }

    [Test]
    public async Task DeleteAnsweredFailed_ThrowsResponseException()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Deleted("failed"));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.DeleteAsync("m1");

        (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which.Message.Should().Contain("'failed'");
    }

    [Test]
    public async Task NotFoundOnTheHttpLevel_SaysToCheckApiUrl()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.NotFound));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.DeleteAsync("m1");

        var thrown = (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which;
        thrown.StatusCode.Should().Be(404);
        thrown.Message.Should().Contain("ApiUrl");
    }

    /// <summary>Neither the message nor ToString (with the stack and inner exceptions) shows the secret, a token or the email.</summary>
    internal static void AssertNothingSecret(Exception thrown, ScriptedHandler handler)
    {
        var text = thrown.ToString();
        text.Should().NotContain(Clients.ClientSecret).And.NotContain(Email).And.NotContain(Clients.GivenAccessToken);
        foreach (var sent in handler.Sent)
        {
            if (sent.Authorization is { } authorization)
            {
                text.Should().NotContain(authorization.Split(' ')[1]);
            }
        }
    }
}
