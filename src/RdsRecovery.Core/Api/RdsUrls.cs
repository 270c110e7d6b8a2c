using RdsRecovery.Auth;

namespace RdsRecovery.Api;

/// <summary>Request URLs, with the query encoded exactly as the signer canonicalises it (so the signature matches what is sent).</summary>
internal static class RdsUrls
{
    /// <summary>Endpoint base + path (segments already escaped) + query; a parameter with a null value is left out.</summary>
    public static Uri Build(Uri endpoint, string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var sb = new StringBuilder(endpoint.AbsoluteUri.TrimEnd('/'));
        sb.Append(path);
        var first = true;
        if (query is not null)
        {
            foreach (var q in query)
            {
                if (q.Value is null) continue;
                sb.Append(first ? '?' : '&').Append(SigningEncoder.Encode(q.Key)).Append('=').Append(SigningEncoder.Encode(q.Value));
                first = false;
            }
        }
        return new Uri(sb.ToString());
    }
}
