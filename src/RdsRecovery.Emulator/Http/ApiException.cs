namespace RdsRecovery.Emulator.Http;

/// <summary>A refusal in the service's error form: HTTP status, <c>error_code</c>, <c>error_msg</c>.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }

    /// <summary>Set for gateway errors, which also carry <c>request_id</c> in the body.</summary>
    public bool Gateway { get; init; }

    /// <summary>Extra response headers, for example Retry-After.</summary>
    public (string Name, string Value)? Header { get; init; }

    public static ApiException Parameter(string message) => new(400, ErrorCodes.ParameterError, message);
}
