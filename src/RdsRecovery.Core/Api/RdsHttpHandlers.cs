using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RdsRecovery.Api;

/// <summary>
/// The HTTP handlers requests go through: one shared per process (the system's trust store), and one per set of
/// private CAs (-CertificateAuthorityFile). All honour the system proxy, never follow redirects (a redirect would
/// carry the token or a signed request to another host), and keep certificate verification on; the validation
/// callback only records why a certificate was refused, so the error can say it in words.
/// </summary>
internal static class RdsHttpHandlers
{
    /// <summary>Key of the request property that carries the refused certificate's problem to the error.</summary>
    internal const string TlsProblemProperty = "RdsRecovery.TlsProblem";

    private static readonly Lazy<HttpMessageHandler> Shared = new(() => Create(null), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, HttpMessageHandler> ByAuthorities = new(StringComparer.Ordinal);

    public static HttpMessageHandler Default => Shared.Value;

    /// <summary>The handler that trusts these CAs (besides nothing else: the system store does not apply to it).</summary>
    public static HttpMessageHandler For(IReadOnlyList<X509Certificate2> authorities)
    {
        if (authorities.Count == 0) return Default;
        var key = string.Join(",", authorities.Select(a => a.Thumbprint).OrderBy(t => t, StringComparer.Ordinal));
        return ByAuthorities.GetOrAdd(key, _ => Create(authorities.ToList()));
    }

    private static HttpClientHandler Create(List<X509Certificate2>? authorities) => new()
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
        {
            var problem = authorities is null ? SystemProblem(errors, chain) : PrivateCaProblem(errors, certificate, authorities);
            if (problem is not null) request.Properties[TlsProblemProperty] = problem;
            return problem is null;
        },
    };

    private static string? SystemProblem(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None) return null;
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return "the server sent no certificate";
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return "the certificate's name does not match the host name (name mismatch)";
        return "the certificate is not trusted: " + ChainWords(chain?.ChainStatus);
    }

    /// <summary>
    /// The chain must end in one of the given CAs with no other fault; the host name is checked as usual.
    /// Revocation is not checked against a private CA, which rarely publishes a revocation list.
    /// </summary>
    private static string? PrivateCaProblem(SslPolicyErrors errors, X509Certificate2? certificate, List<X509Certificate2> authorities)
    {
        if (errors == SslPolicyErrors.None) return null;
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0) return "the server sent no certificate";
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return "the certificate's name does not match the host name (name mismatch)";
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        foreach (var authority in authorities) chain.ChainPolicy.ExtraStore.Add(authority);
        chain.Build(certificate);
        var faults = chain.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot).ToArray();
        if (faults.Length > 0) return "the certificate is not valid: " + ChainWords(faults);
        var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        return authorities.Any(a => a.RawData.SequenceEqual(root.RawData))
            ? null
            : "the certificate is not issued by the certificate authority file's CA (untrusted certificate)";
    }

    private static string ChainWords(X509ChainStatus[]? status)
    {
        var flags = status?.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList() ?? new List<X509ChainStatusFlags>();
        if (flags.Count == 0) return "untrusted certificate";
        return string.Join(", ", flags.Select(f => f switch
        {
            X509ChainStatusFlags.UntrustedRoot => "issued by a CA this machine does not trust (untrusted certificate)",
            X509ChainStatusFlags.PartialChain => "its issuing CA is unknown here (untrusted certificate)",
            X509ChainStatusFlags.NotTimeValid => "expired or not yet valid",
            X509ChainStatusFlags.Revoked => "revoked",
            _ => f.ToString(),
        }));
    }
}
