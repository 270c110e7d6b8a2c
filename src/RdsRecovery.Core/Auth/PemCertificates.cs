using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace RdsRecovery.Auth;

/// <summary>Reads the CA certificates of a PEM file (one or more BEGIN CERTIFICATE blocks) for -CertificateAuthorityFile.</summary>
internal static class PemCertificates
{
    private static readonly Regex Block = new("-----BEGIN CERTIFICATE-----(?<body>[A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----",
        RegexOptions.CultureInvariant);

    public static IReadOnlyList<X509Certificate2> Load(string path, string origin)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
        {
            throw Invalid(path, origin, $"it cannot be read ({ex.Message})");
        }
        var result = new List<X509Certificate2>();
        foreach (Match m in Block.Matches(text))
        {
            try
            {
                result.Add(new X509Certificate2(Convert.FromBase64String(Regex.Replace(m.Groups["body"].Value, "\\s", ""))));
            }
            catch (Exception ex) when (ex is FormatException || ex is CryptographicException)
            {
                throw Invalid(path, origin, $"certificate {result.Count + 1} in it is not a valid certificate ({ex.Message})");
            }
        }
        if (result.Count == 0) throw Invalid(path, origin, "it holds no '-----BEGIN CERTIFICATE-----' block");
        return result;
    }

    private static RdsException Invalid(string path, string origin, string why) =>
        new(new RdsError(RdsErrorIds.CertificateAuthorityFileInvalid,
            $"The certificate authority file {path} ({origin}) cannot be used: {why}. Give a PEM file with the CA certificate that issued the endpoint's certificate."));
}
