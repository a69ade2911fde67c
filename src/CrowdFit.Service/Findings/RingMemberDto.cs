namespace CrowdFit.Service.Findings;

/// <summary>One member of a ring and what ties it to the others.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Evidence">The detector's evidence against this member (copied wrong answers, shared device or address, synchronized timing).</param>
public sealed record RingMemberDto(string Worker, string Evidence);
