namespace CrowdFit.Quality;

/// <summary>A project's delivered quality against its AQL and the extensions that would restore it (SPEC C2).</summary>
/// <param name="Delivered">Tasks whose label is delivered.</param>
/// <param name="ExpectedError">Expected share of wrong labels among them: the mean posterior error.</param>
/// <param name="Aql">The project's limit.</param>
/// <param name="Tasks">Tasks to extend by one answer each, best value first; empty when the set meets the AQL.</param>
/// <param name="ProjectedError">Expected error of the delivered set once those answers are in.</param>
public sealed record ExtensionPlan(int Delivered, double ExpectedError, double Aql, IReadOnlyList<int> Tasks, double ProjectedError)
{
    /// <summary>Whether the delivered set meets the AQL now.</summary>
    public bool MeetsAql => ExpectedError <= Aql;

    /// <summary>Whether the plan brings the set under the AQL (false when even extending every open candidate would not).</summary>
    public bool Reaches => ProjectedError <= Aql;
}
