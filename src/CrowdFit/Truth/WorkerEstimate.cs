namespace CrowdFit.Truth;

/// <summary>A worker's estimated quality after truth inference.</summary>
/// <param name="Worker">Worker index in the answer set.</param>
/// <param name="Answers">Number of answers the worker gave.</param>
/// <param name="Accuracy">
/// Expected share of the worker's answers that are correct under the posterior (the mean of the posterior
/// probability of each answer being right). <see cref="double.NaN"/> for a worker with no answers.
/// </param>
/// <param name="AccuracyLow">Lower end of the 95 % equal-tailed credible interval of the accuracy (Beta(1 + correct, 1 + wrong)).</param>
/// <param name="AccuracyHigh">Upper end of that interval.</param>
/// <param name="Confusion">
/// Row-major K×K confusion matrix: entry <c>[k * K + l]</c> is the probability that the worker answers
/// class <c>l</c> when the truth is <c>k</c>. Rows sum to one.
/// </param>
public sealed record WorkerEstimate(int Worker, int Answers, double Accuracy, double AccuracyLow, double AccuracyHigh, ReadOnlyMemory<double> Confusion)
{
    /// <summary>Probability of answering <paramref name="observed"/> when the truth is <paramref name="truth"/>.</summary>
    public double ConfusionAt(int truth, int observed, int classCount) => Confusion.Span[(truth * classCount) + observed];
}
