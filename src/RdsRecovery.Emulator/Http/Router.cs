namespace RdsRecovery.Emulator.Http;

internal delegate Task RouteHandler(HttpContext context, IReadOnlyDictionary<string, string> values);

/// <summary>How a route is protected: by the gateway (signature or token), not at all, or loopback-only admin.</summary>
internal enum RouteAccess { Gateway, Anonymous, Admin }

internal sealed record Route(string Method, string Template, RouteAccess Access, RouteHandler Handler)
{
    public string[] Segments { get; } = Template.Trim('/').Split('/');
}

/// <summary>
/// A small exact-segment router. Routes are tried in order, so literal routes listed first win over
/// templates (<c>/v3/auth/tokens</c> before <c>/v3/{project_id}/instances</c>).
/// </summary>
internal sealed class Router
{
    private readonly List<Route> _routes = new();

    public void Add(string method, string template, RouteAccess access, RouteHandler handler) =>
        _routes.Add(new Route(method, template, access, handler));

    public RouteMatch Match(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        var allowed = new List<string>();
        foreach (var route in _routes)
        {
            var values = MatchSegments(route.Segments, segments);
            if (values is null) continue;
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)) return new RouteMatch(route, values, allowed);
            allowed.Add(route.Method);
        }
        return new RouteMatch(null, new Dictionary<string, string>(), allowed.Distinct().ToList());
    }

    private static Dictionary<string, string>? MatchSegments(string[] template, string[] path)
    {
        if (template.Length != path.Length) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.Length > 2 && t[0] == '{' && t[^1] == '}')
            {
                if (path[i].Length == 0) return null;
                values[t[1..^1]] = path[i];
            }
            else if (!string.Equals(t, path[i], StringComparison.Ordinal)) return null;
        }
        return values;
    }
}

internal sealed record RouteMatch(Route? Route, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> AllowedMethods);
