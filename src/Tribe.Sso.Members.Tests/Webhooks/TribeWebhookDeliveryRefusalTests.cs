using System;
using System.Linq;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// A body that is not a delivery the community sends is refused with a <see cref="TribeWebhookFormatException"/> that
/// names the field and never quotes the body: every offending value below carries a planted marker that no message shows.
/// </summary>
public class TribeWebhookDeliveryRefusalTests
{
    private const string NotJson = "The webhook body is not valid JSON (or nests deeper than 64 levels, or repeats a name in one object).";
    private const string NotUtf8 = "The webhook body holds a string that is not valid UTF-8.";

    [TestCase("", TestName = "Parse_EmptyBody_IsNotJson")]
    [TestCase("   ", TestName = "Parse_Whitespace_IsNotJson")]
    [TestCase("PLANTED-MARKER-7f3a", TestName = "Parse_PlainText_IsNotJson")]
    [TestCase("{\"type\":\"PLANTED-MARKER-7f3a", TestName = "Parse_TruncatedBody_IsNotJson")]
    [TestCase("{\"type\":\"TEST\",\"data\":{\"challenge\":\"c\"}", TestName = "Parse_MissingClosingBrace_IsNotJson")]
    [TestCase("{\"type\":\"TEST\"} {\"type\":\"TEST\"}", TestName = "Parse_TwoDocuments_AreNotJson")]
    [TestCase("{'type':'TEST'}", TestName = "Parse_SingleQuotes_AreNotJson")]
    [TestCase("{\"type\":\"TEST\",}", TestName = "Parse_TrailingComma_IsNotJson")]
    [TestCase("{\"type\":\"TEST\" /* PLANTED-MARKER-7f3a */}", TestName = "Parse_Comment_IsNotJson")]
    [TestCase("{\"type\":\"TEST\",\"type\":\"SUBSCRIPTION\"}", TestName = "Parse_DuplicateTopLevelName_IsRefused")]
    [TestCase("{\"type\":\"TEST\",\"data\":{\"challenge\":\"a\",\"challenge\":\"PLANTED-MARKER-7f3a\"}}", TestName = "Parse_DuplicateNestedName_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\",\"email\":\"a@x\",\"email\":\"PLANTED-MARKER-7f3a\"}}}", TestName = "Parse_DuplicateEmailInTheMember_IsRefused")]
    public void Parse_NotAJsonDelivery_IsRefused(string body)
        => Refusal(Utf8(body)).Should().Be(NotJson);

    [TestCase("[]", TestName = "Parse_Array_IsNotAnObject")]
    [TestCase("\"PLANTED-MARKER-7f3a\"", TestName = "Parse_String_IsNotAnObject")]
    [TestCase("42", TestName = "Parse_Number_IsNotAnObject")]
    [TestCase("null", TestName = "Parse_Null_IsNotAnObject")]
    public void Parse_RootNotAnObject_IsRefused(string body)
        => Refusal(Utf8(body)).Should().Be("The webhook body is not a JSON object.");

    // System.Text.Json refuses to read an escaped lone surrogate as a string, so it is refused as not UTF-8.
    [TestCase("{\"type\":\"TEST\",\"data\":{\"challenge\":\"\\ud800\"}}", TestName = "Parse_ChallengeWithAnEscapedLoneHighSurrogate_IsRefused")]
    [TestCase("{\"type\":\"TEST\",\"data\":{\"challenge\":\"a\\udc00b\"}}", TestName = "Parse_ChallengeWithAnEscapedLoneLowSurrogate_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"\\ud83d\",\"name\":\"space.created\"}}", TestName = "Parse_EventIdWithAnEscapedLoneSurrogate_IsRefused")]
    public void Parse_EscapedLoneSurrogate_IsRefused(string body)
        => Refusal(Utf8(body)).Should().Be(NotUtf8);

    [Test]
    public void Parse_NestedSixtyFourLevels_IsRead_SixtyFiveIsRefused()
    {
        static byte[] Nested(int levels) => Utf8("{\"type\":\"TEST\",\"data\":{\"challenge\":\"c\"},\"x\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}");

        TribeWebhookDelivery.Parse(Nested(64)).Challenge.Should().Be("c");
        Refusal(Nested(65)).Should().Be(NotJson);
        Refusal(Nested(10_000)).Should().Be(NotJson);
    }

    [TestCase("type", NotUtf8, TestName = "Parse_InvalidUtf8InTheType_IsRefused")]
    [TestCase("challenge", NotUtf8, TestName = "Parse_InvalidUtf8InTheChallenge_IsRefused")]
    [TestCase("id", NotUtf8, TestName = "Parse_InvalidUtf8InTheEventId_IsRefused")]
    [TestCase("email", "The webhook field \"data.object\" is not a member: a field has the wrong kind.", TestName = "Parse_InvalidUtf8InTheMembersEmail_IsRefusedAsNotAMember")]
    public void Parse_InvalidUtf8InAString_IsRefused(string where, string message)
    {
        var text = where switch
        {
            "type" => "{\"type\":\"TE~\"}",
            "challenge" => "{\"type\":\"TEST\",\"data\":{\"challenge\":\"~\"}}",
            "email" => MemberEvent("member.updated", Member(email: "~")),
            _ => MemberEvent("member.updated", Member(), id: "~"),
        };

        // '~' becomes 0xC3 0x28: a lead byte followed by a byte that cannot continue it.
        var body = Utf8(text).SelectMany(b => b == (byte)'~' ? new byte[] { 0xC3, 0x28 } : new[] { b }).ToArray();

        Refusal(body).Should().Be(message);
    }

    [TestCase("{\"type\":1}", "The webhook field \"type\" is not a string.")]
    [TestCase("{\"type\":[\"TEST\"]}", "The webhook field \"type\" is not a string.")]
    [TestCase("{\"type\":\"TEST\",\"networkId\":1,\"data\":{\"challenge\":\"c\"}}", "The webhook field \"networkId\" is not a string.")]
    [TestCase("{\"type\":\"TEST\",\"context\":{},\"data\":{\"challenge\":\"c\"}}", "The webhook field \"context\" is not a string.")]
    [TestCase("{\"type\":\"TEST\",\"data\":\"c\"}", "The webhook field \"data\" is not an object.")]
    [TestCase("{\"type\":\"TEST\",\"data\":{\"challenge\":12345}}", "The webhook field \"data.challenge\" is not a string.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":7,\"name\":\"member.updated\"}}", "The webhook field \"data.id\" is not a string.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":true}}", "The webhook field \"data.name\" is not a string.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space.created\",\"actor\":[]}}", "The webhook field \"data.actor\" is not an object.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space.created\",\"object\":\"m1\"}}", "The webhook field \"data.object\" is not an object.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.created\",\"target\":{\"memberId\":1}}}", "The webhook field \"data.target.memberId\" is not a string.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\",\"email\":7}}}", "The webhook field \"data.object\" is not a member: a field has the wrong kind.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\"},\"oldObject\":{\"id\":\"m1\",\"status\":[]}}}", "The webhook field \"data.oldObject\" is not a member: a field has the wrong kind.")]
    public void Parse_FieldOfTheWrongKind_IsRefusedByName(string body, string message)
        => Refusal(Utf8(body)).Should().Be(message);

    [TestCase("{\"networkId\":\"n\",\"data\":{}}", "The webhook field \"type\" is missing or longer than 64 characters.")]
    [TestCase("{\"type\":\"\"}", "The webhook field \"type\" is missing or longer than 64 characters.")]
    [TestCase("{\"type\":null}", "The webhook field \"type\" is missing or longer than 64 characters.")]
    [TestCase("{\"type\":\"TEST\"}", "The TEST delivery has no \"data.challenge\", or it is longer than 1024 characters.")]
    [TestCase("{\"type\":\"TEST\",\"data\":{}}", "The TEST delivery has no \"data.challenge\", or it is longer than 1024 characters.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\"}", "The SUBSCRIPTION delivery has no \"data\" object.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":null}", "The SUBSCRIPTION delivery has no \"data\" object.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"name\":\"member.updated\"}}", "The webhook field \"data.id\" is missing, longer than 256 characters or holds a control character.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"\",\"name\":\"member.updated\"}}", "The webhook field \"data.id\" is missing, longer than 256 characters or holds a control character.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\"}}", "The webhook field \"data.name\" is missing or longer than 100 characters.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\"}}", "The member.updated event has no \"data.object\" member.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.deleted\",\"object\":null}}", "The member.deleted event has no \"data.object\" member.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.created\",\"object\":{\"email\":\"PLANTED-MARKER-7f3a\"}}}", "The webhook field \"data.object\" is a member without an \"id\".")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.created\",\"object\":{\"id\":\"\"}}}", "The webhook field \"data.object\" is a member without an \"id\".")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\"},\"oldObject\":{\"name\":\"x\"}}}", "The webhook field \"data.oldObject\" is a member without an \"id\".")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.created\",\"target\":{\"spaceId\":\"s1\"}}}", "The space_membership.created event has no \"data.target.memberId\".")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.deleted\",\"target\":{\"memberId\":\"m1\"}}}", "The space_membership.deleted event has no \"data.target.spaceId\".")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.deleted\",\"target\":{\"memberId\":\"m1\"},\"object\":{\"name\":\"General\"}}}", "The space_membership.deleted event has no \"data.target.spaceId\".")]
    public void Parse_RequiredFieldMissing_IsRefusedByName(string body, string message)
        => Refusal(Utf8(body)).Should().Be(message);

    [TestCase(256, false, TestName = "Parse_EventIdOf256Characters_IsRead")]
    [TestCase(257, true, TestName = "Parse_EventIdOf257Characters_IsRefused")]
    public void Parse_EventId_IsBoundedFor(int length, bool refused)
    {
        var id = Marker + new string('x', length - Marker.Length);
        var body = Utf8(MemberEvent("member.updated", Member(), id: id));

        if (refused)
        {
            Refusal(body).Should().Be("The webhook field \"data.id\" is missing, longer than 256 characters or holds a control character.");
        }
        else
        {
            TribeWebhookDelivery.Parse(body).Event!.Id.Should().Be(id);
        }
    }

    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\\u0000PLANTED-MARKER-7f3a\",\"name\":\"space.created\"}}", "data.id", TestName = "Parse_EventIdWithNul_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\\nPLANTED-MARKER-7f3a\",\"name\":\"space.created\"}}", "data.id", TestName = "Parse_EventIdWithLineBreak_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member updated PLANTED-MARKER-7f3a\"}}", "data.name", TestName = "Parse_EventNameWithASpace_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"mémber.updated\"}}", "data.name", TestName = "Parse_EventNameWithNonAscii_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\\u001b[2J\"}}", "data.name", TestName = "Parse_EventNameWithAnEscapeSequence_IsRefused")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"<script>\"}}", "data.name", TestName = "Parse_EventNameWithMarkup_IsRefused")]
    [TestCase("{\"type\":\"PLANTED-MARKER-7f3a\"}", "type", TestName = "Parse_TypeWithADash_IsRefused")]
    [TestCase("{\"type\":\"TEST\\r\\nX-Injected: 1\"}", "type", TestName = "Parse_TypeWithALineBreak_IsRefused")]
    public void Parse_FieldWithOddCharacters_IsRefusedByName(string body, string field)
        => Refusal(Utf8(body)).Should().StartWith("The webhook field \"" + field + "\" ").And.Contain("character");

    [Test]
    public void Parse_OverLongValues_AreRefused()
    {
        Refusal(Utf8("{\"type\":\"" + new string('A', 65) + "\"}")).Should().Be("The webhook field \"type\" is missing or longer than 64 characters.");
        Refusal(Utf8(MemberEvent(new string('m', 101), Member()))).Should().Be("The webhook field \"data.name\" is missing or longer than 100 characters.");
        Refusal(Utf8(TestBody.Replace("c-7d1f", new string('c', 1025), StringComparison.Ordinal))).Should().Be("The TEST delivery has no \"data.challenge\", or it is longer than 1024 characters.");
        TribeWebhookDelivery.Parse(Utf8(TestBody.Replace("c-7d1f", new string('c', 1024), StringComparison.Ordinal))).Challenge.Should().HaveLength(1024);
        TribeWebhookDelivery.Parse(Utf8("{\"type\":\"" + new string('A', 64) + "\"}")).TypeName.Should().HaveLength(64);
    }

    [Test]
    public void FormatException_Constructors_KeepNoInnerException()
    {
        new TribeWebhookFormatException().Message.Should().Be("The webhook body is not a delivery the community sends.");
        var wrapped = new TribeWebhookFormatException("The webhook field \"type\" is not a string.", new FormatException(Marker));

        wrapped.InnerException.Should().BeNull("a parser's message may quote the body");
        wrapped.ToString().Should().NotContain(Marker);
    }

    /// <summary>The refusal's message, checked never to quote the planted marker nor to carry an inner exception.</summary>
    private static string Refusal(byte[] body)
    {
        var thrown = FluentActions.Invoking(() => TribeWebhookDelivery.Parse(body)).Should().ThrowExactly<TribeWebhookFormatException>().Which;
        thrown.InnerException.Should().BeNull();
        thrown.ToString().Should().NotContain(Marker);
        return thrown.Message;
    }
}
