namespace CrowdFit.Service.Review;

/// <summary>Progress towards the AQL (SPEC C2).</summary>
/// <param name="Target">The AQL: the highest expected error rate allowed in delivered labels.</param>
/// <param name="Delivered">Tasks whose label is delivered (accepted).</param>
/// <param name="DeliveredShare">Delivered tasks over non-gold tasks (0 without such tasks).</param>
/// <param name="ExpectedError">Expected error rate of the delivered labels (0 with none delivered).</param>
/// <param name="MeetsAql">Whether the expected error is within the AQL.</param>
/// <param name="TasksToExtend">Tasks the extension plan would send to more workers to restore the AQL.</param>
/// <param name="ProjectedError">Expected error once those tasks are extended.</param>
public sealed record AqlProgressDto(double Target, int Delivered, double DeliveredShare, double ExpectedError, bool MeetsAql, int TasksToExtend, double ProjectedError);
