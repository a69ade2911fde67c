namespace CrowdFit.Service.Projects;

/// <summary>How many items a bulk request added.</summary>
/// <param name="Added">Items added.</param>
/// <param name="Tasks">Tasks in the project afterwards.</param>
public sealed record AddedDto(int Added, int Tasks);
