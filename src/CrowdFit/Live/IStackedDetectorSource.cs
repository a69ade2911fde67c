using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Live;

/// <summary>
/// Supplies the stacked detectors (<see cref="IStackedDetector"/>) of one re-estimation of a <see cref="LiveProject"/>,
/// built for the exact answers it analyses: for example a model trained on analysts' decisions, which must map
/// those decisions onto the answer indices of this set.
/// </summary>
public interface IStackedDetectorSource
{
    /// <summary>The stacked detectors to run over <paramref name="answers"/>; empty for none.</summary>
    /// <param name="answers">
    /// The answers the re-estimation analyses: those on finished tasks (accepted, in review, or gold), a worker's
    /// second answer to a task left out. Called on the thread that re-estimates, possibly in the background.
    /// </param>
    IReadOnlyList<IStackedDetector> DetectorsFor(AnswerSet answers);
}
