using Chat.Gateway.Schema.Messaging;

namespace Chat.Tests.Gateway;

/// <summary>Which @names a message's text mentions (the gateway then asks Auth who they are).</summary>
public sealed class MentionsTests
{
    [Theory]
    [InlineData("hi @bob", new[] { "bob" })]
    [InlineData("@bob, @Carol_1 and (@dave.smith).", new[] { "bob", "Carol_1", "dave.smith" })]
    [InlineData("thanks @bob.", new[] { "bob" })]
    [InlineData("@bob @BOB @bob", new[] { "bob" })]
    [InlineData("mail alice@example.com or @@bob", new string[0])]
    [InlineData("@al is too short, @x too", new string[0])]
    [InlineData("no mentions here", new string[0])]
    public void Names_AreTheDistinctAtNames_NotEmailAddresses(string content, string[] expected)
    {
        Assert.Equal(expected, Mentions.Names(content));
    }

    [Fact]
    public void Names_AreBoundedByAuthsLookupLimit()
    {
        var content = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"@user{i:D4}"));

        Assert.Equal(Chat.Gateway.Services.Auth.AuthServiceClient.MaxLookupIds, Mentions.Names(content).Count);
    }
}
