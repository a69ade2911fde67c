namespace CrowdFit.Service.Projects;

/// <summary>What a project pays (SPEC G1): the reward per answer and the hourly floor effective pay is held against.</summary>
/// <param name="Reward">Reward per answer, in <paramref name="Currency"/>: zero or more, finite; required when pay is given.</param>
/// <param name="Currency">ISO 4217 currency code, three capital letters; null: USD.</param>
/// <param name="FloorPerHour">The lowest acceptable effective pay per hour of work, in <paramref name="Currency"/>: positive, finite; null: 7.25.</param>
public sealed record PayDto(double? Reward, string? Currency, double? FloorPerHour);
