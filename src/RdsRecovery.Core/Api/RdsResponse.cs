using System.Text.Json;

namespace RdsRecovery.Api;

/// <summary>A successful answer: status, request id and the parsed JSON object body.</summary>
internal sealed class RdsResponse
{
    public RdsResponse(int status, string? requestId, JsonElement body)
    {
        Status = status;
        RequestId = requestId;
        Body = body;
    }

    public int Status { get; }
    public string? RequestId { get; }
    /// <summary>A detached clone: valid after the document is gone.</summary>
    public JsonElement Body { get; }
}
