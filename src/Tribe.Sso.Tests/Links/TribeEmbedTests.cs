using System;

namespace Tribe.Sso.Tests.Links;

public class TribeEmbedTests
{
    [Test]
    public void Space_WithTheFourOptionsOfTribesGuide_IsTheGuidesPath()
    {
        var embed = TribeEmbed.Space("whats-new").WithReadOnly(false).WithHeader(true).WithComposer(true).WithAbout(true);

        embed.Path.Should().Be("/embed/space/whats-new?readonly=false&header=true&composer=true&about=true");
        embed.ToString().Should().Be(embed.Path);
    }

    [Test]
    public void OptionsAreWrittenInAFixedOrder_WhateverTheCallOrder()
    {
        TribeEmbed.Space("s").WithAbout(false).WithReadOnly(true).Path.Should().Be("/embed/space/s?readonly=true&about=false");
    }

    [TestCase("community", "/embed")]
    [TestCase("space", "/embed/space/product-updates-qo26s1ru")]
    [TestCase("post", "/embed/post/7YLkAXyezVhHloA")]
    public void Shapes_WithoutOptions_HaveNoQuery(string shape, string path)
    {
        var embed = shape switch
        {
            "community" => TribeEmbed.Community(),
            "space" => TribeEmbed.Space("product-updates-qo26s1ru"),
            _ => TribeEmbed.Post("7YLkAXyezVhHloA"),
        };

        embed.Path.Should().Be(path);
    }

    [Test]
    public void WithMethods_ReturnNewValues()
    {
        var plain = TribeEmbed.Post("p1");

        plain.WithHeader(false).Path.Should().Be("/embed/post/p1?header=false");
        plain.Path.Should().Be("/embed/post/p1");
    }

    [Test]
    public void EveryPath_IsASafeRedirectTarget()
    {
        TribeSsoRedirectPath.FindProblem(TribeEmbed.Space("a.b_c~d-e").WithReadOnly(true).WithComposer(false).Path).Should().BeNull();
    }

    [TestCase("")]
    [TestCase("..")]
    [TestCase("a/b")]
    [TestCase("../admin")]
    [TestCase("a?x=1")]
    [TestCase("a#b")]
    [TestCase("a b")]
    [TestCase("a%2Fb")]
    [TestCase("caf\u00e9")]
    [TestCase("a\u200Bb")]
    public void UnsafeSlugOrId_IsRefused(string id)
    {
        var space = () => TribeEmbed.Space(id);
        var post = () => TribeEmbed.Post(id);

        space.Should().Throw<TribeSsoRedirectException>().WithMessage("The space slug *Copy it from the address of the page you embed.");
        post.Should().Throw<TribeSsoRedirectException>().WithMessage("The post id *");
    }

    [Test]
    public void TooLongSlug_IsRefused()
    {
        var act = () => TribeEmbed.Space(new string('a', 256));

        act.Should().Throw<TribeSsoRedirectException>().WithMessage("The space slug must be 1 to 255 characters*");
    }

    [Test]
    public void SlugOf255Characters_IsAccepted()
    {
        TribeEmbed.Space(new string('a', 255)).Path.Should().Be("/embed/space/" + new string('a', 255));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    public void DotOrEmptyId_IsRefusedByTheIdRule_WithItsExactMessage(string id)
    {
        var act = () => TribeEmbed.Post(id);

        act.Should().Throw<TribeSsoRedirectException>().Which.Message.Should().Be(
            "The post id must be 1 to 255 characters (and not '.' or '..'). Copy it from the address of the page you embed.");
    }

    [TestCase("/embed/space/whats-new", "/embed/space/whats-new?header=false")]
    [TestCase("/embed/space/whats-new?readonly=true", "/embed/space/whats-new?readonly=true&header=false")]
    [TestCase("/embed/space/whats-new?", "/embed/space/whats-new?header=false")]
    [TestCase("/embed/space/whats-new?readonly=true&", "/embed/space/whats-new?readonly=true&header=false")]
    public void FromPath_KeepsThePath_AndAppendsOptionsToItsQuery(string path, string expected)
    {
        TribeEmbed.FromPath(path).Path.Should().Be(path);
        TribeEmbed.FromPath(path).WithHeader(false).Path.Should().Be(expected);
    }

    [TestCase("//evil.example", "The redirect target starts with '//'*")]
    [TestCase("https://evil.example/embed", "The redirect target does not start with '/'*")]
    [TestCase("/embed/post/1#comments", "The embedded page has a fragment ('#'); its options go in the query. Remove the fragment.")]
    public void FromPath_UnsafePath_IsRefused(string path, string message)
    {
        var act = () => TribeEmbed.FromPath(path);

        act.Should().Throw<TribeSsoRedirectException>().WithMessage(message);
    }
}
