using System.IO;
using System.Net;
using RdsRecovery.Emulator.Auth;
using RdsRecovery.Emulator.Faults;

namespace RdsRecovery.Emulator.Http;

/// <summary>
/// The whole request pipeline in one place, outermost first: request id on every response; a
/// catch-all that answers the service's error body (never HTML or a stack trace); the body read once;
/// the request log; faults (never on /_emulator/); routing; authentication; the handler.
/// </summary>
internal sealed class Pipeline(EmulatorServices services, Router router)
{
    public const string AdminPrefix = "/_emulator";
    private readonly GatewayAuthenticator _authenticator = new(services);

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.Items[JsonResponse.RequestIdItem] = requestId;
        context.Response.Headers["X-Request-Id"] = requestId;
        var path = context.Request.Path.Value ?? "/";
        var admin = path == AdminPrefix || path.StartsWith(AdminPrefix + "/", StringComparison.Ordinal);
        string? fault = null;
        try
        {
            await RequestBody.ReadAsync(context).ConfigureAwait(false);
            if (!admin)
            {
                var decision = services.Faults.Decide(context.Request.Method, path);
                if (decision.LatencyMs > 0)
                {
                    fault = "latency";
                    await Task.Delay(decision.LatencyMs, context.RequestAborted).ConfigureAwait(false);
                }
                if (decision.Fault is { } rule)
                {
                    fault = rule.Kind.ToString().ToLowerInvariant();
                    await ApplyFaultAsync(context, rule).ConfigureAwait(false);
                    return;
                }
            }
            await DispatchAsync(context, path).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            await WriteErrorSafelyAsync(context, requestId, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception)
        {
            await WriteErrorSafelyAsync(context, requestId, new ApiException(500, ErrorCodes.ServerFailure, "Server failure.")).ConfigureAwait(false);
        }
        finally
        {
            if (!admin)
                services.Log.Add(context, RequestBody.Get(context), context.RequestAborted.IsCancellationRequested && fault == "drop" ? 0 : context.Response.StatusCode, requestId, fault);
        }
    }

    private async Task DispatchAsync(HttpContext context, string path)
    {
        var match = router.Match(context.Request.Method, path);
        if (match.Route is null)
        {
            if (match.AllowedMethods.Count > 0)
            {
                context.Response.Headers.Allow = string.Join(", ", match.AllowedMethods);
                throw new ApiException(405, ErrorCodes.GatewayNoApi, $"The method {context.Request.Method} is not allowed on {path}.") { Gateway = true };
            }
            throw new ApiException(404, ErrorCodes.GatewayNoApi, "The API does not exist or has not been published in the environment.") { Gateway = true };
        }
        switch (match.Route.Access)
        {
            case RouteAccess.Admin:
                if (!AdminAccess.IsAllowed(context.Connection.RemoteIpAddress))
                    throw new ApiException(403, "EMULATOR.0403", "The admin API answers loopback clients only.");
                break;
            case RouteAccess.Gateway:
                _authenticator.Authenticate(context, RequestBody.Get(context));
                if (match.Values.TryGetValue("project_id", out var projectId) && projectId != services.Options.ProjectId)
                    throw new ApiException(403, ErrorCodes.ProjectNotAuthorized, $"The project ID {projectId} is not authorized for these credentials.");
                break;
        }
        await match.Route.Handler(context, match.Values).ConfigureAwait(false);
    }

    private async Task ApplyFaultAsync(HttpContext context, FaultRule rule)
    {
        switch (rule.Kind)
        {
            case FaultKind.Error:
            case FaultKind.Busy:
                throw new ApiException(rule.Status, rule.ErrorCode!, rule.ErrorMsg!);
            case FaultKind.Throttle:
                throw new ApiException(rule.Status, rule.ErrorCode!, rule.ErrorMsg!)
                {
                    Gateway = true,
                    Header = ("Retry-After", rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                };
            case FaultKind.Drop when !rule.AfterHandling:
                context.Abort();
                return;
        }
        // Drop-after, malformed and rewrite run the real handler (the change happens) and spoil the answer.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            try
            {
                await DispatchAsync(context, context.Request.Path.Value ?? "/").ConfigureAwait(false);
            }
            catch (ApiException error)
            {
                await JsonResponse.WriteErrorAsync(context, error).ConfigureAwait(false);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        if (rule.Kind == FaultKind.Drop)
        {
            context.Abort();
            return;
        }
        var bytes = buffer.ToArray();
        var spoiled = rule.Kind == FaultKind.Rewrite
            ? AnswerRewrite.Apply(bytes, rule.Set, rule.Remove)
            : bytes.Take(Math.Max(1, bytes.Length / 2)).Concat("<!--truncated"u8.ToArray()).ToArray();
        context.Response.ContentLength = spoiled.Length;
        await original.WriteAsync(spoiled).ConfigureAwait(false);
    }

    private static async Task WriteErrorSafelyAsync(HttpContext context, string requestId, ApiException error)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        context.Response.Headers["X-Request-Id"] = requestId;
        if (allow.Count > 0) context.Response.Headers.Allow = allow;
        await JsonResponse.WriteErrorAsync(context, error).ConfigureAwait(false);
    }
}
