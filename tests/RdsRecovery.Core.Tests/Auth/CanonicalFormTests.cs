using RdsRecovery.Auth;

namespace RdsRecovery.Core.Tests.Auth;

public class CanonicalFormTests
{
    [Fact]
    public void Query_is_sorted_by_key_then_value_with_percent20_and_upper_hex()
    {
        var uri = new Uri("https://h/p?test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&limit=1&enable=true");
        Assert.Equal("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            SdkHmacSha256Signer.CanonicalQueryString(uri));
    }

    [Fact]
    public void Query_keeps_only_unreserved_characters_bare()
    {
        var uri = new Uri("https://h/p?a=" + Uri.EscapeDataString("A-Za-z0-9-_.~ +*/"));
        Assert.Equal("a=A-Za-z0-9-_.~%20%2B%2A%2F", SdkHmacSha256Signer.CanonicalQueryString(uri));
        Assert.Equal("", SdkHmacSha256Signer.CanonicalQueryString(new Uri("https://h/p")));
    }

    [Fact]
    public void Path_segments_are_re_encoded_and_end_with_slash()
    {
        Assert.Equal("/v3/p/instances/recovery/", SdkHmacSha256Signer.CanonicalUri(new Uri("https://h/v3/p/instances/recovery")));
        Assert.Equal("/a%20b/c%2A/", SdkHmacSha256Signer.CanonicalUri(new Uri("https://h/a%20b/c*")));
        Assert.Equal("/x/", SdkHmacSha256Signer.CanonicalUri(new Uri("https://h/x/")));
    }

    [Fact]
    public void Host_value_drops_only_the_default_port()
    {
        Assert.Equal("rds.x.com", SdkHmacSha256Signer.HostValue(new Uri("https://rds.x.com:443/v3")));
        Assert.Equal("127.0.0.1:5080", SdkHmacSha256Signer.HostValue(new Uri("http://127.0.0.1:5080/v3")));
    }

    [Fact]
    public void Signing_a_header_the_request_lacks_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => SdkHmacSha256Signer.Sign("GET", new Uri("https://h/"),
            new[] { new KeyValuePair<string, string>("X-Sdk-Date", "20191115T033655Z") }, new[] { "x-project-id" }, null, "a", "b"));
        Assert.Throws<ArgumentException>(() => SdkHmacSha256Signer.Sign("GET", new Uri("https://h/"),
            Array.Empty<KeyValuePair<string, string>>(), Array.Empty<string>(), null, "a", "b"));
    }

    [Fact]
    public void Sdk_date_is_utc_whatever_the_offset()
    {
        var t = new DateTimeOffset(2019, 11, 15, 11, 36, 55, TimeSpan.FromHours(8));
        Assert.Equal("20191115T033655Z", SdkHmacSha256Signer.FormatSdkDate(t));
    }
}
