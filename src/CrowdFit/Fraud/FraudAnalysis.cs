using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Fraud;

/// <summary>
/// The whole fraud pass over a log: infer truth, run every detector, combine their evidence, and infer
/// truth again with likely fraud left out.
/// </summary>
/// <remarks>
/// Truth inference down-weights likely fraud by leaving flagged answers out (weight zero); a task whose
/// answers are all flagged keeps them, so every task still gets a label. Each round after the first gives
/// the detectors the cleaner truth of the round before.
/// </remarks>
public static class FraudAnalysis
{
    /// <summary>Runs the analysis.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="context">Per-answer context, or <see langword="null"/> when the log has only the required columns.</param>
    /// <param name="gold">Known labels, or <see langword="null"/>.</param>
    /// <param name="detectors">The detectors to run, in order.</param>
    /// <param name="options">Settings; <see cref="FraudAnalysisOptions.Default"/> when null.</param>
    /// <param name="stacked">Detectors that read the others' reports (learned models), run after them in each round; may be null.</param>
    /// <param name="progress">Receives one line per step (for example "round 1: time-theft"); may be null.</param>
    /// <returns>Truth, fitness, detector reports and combined scores.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static FraudAnalysisResult Run(
        AnswerSet answers,
        AnswerContext? context,
        GoldLabels? gold,
        IReadOnlyList<IFraudDetector> detectors,
        FraudAnalysisOptions? options = null,
        IReadOnlyList<IStackedDetector>? stacked = null,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(detectors);
        options ??= FraudAnalysisOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var method = TruthMethods.Create(options.TruthMethod);
        progress?.Report($"truth: {method.Name} on {answers.Count:N0} answers");
        var truth = method.Infer(answers, gold);
        WorkLog log = null!;
        DetectorReport[] reports = [];
        FraudScores scores = null!;
        for (var round = 1; round <= options.Rounds; round++)
        {
            log = new WorkLog(answers, context, gold, truth);
            stacked ??= [];

            // Detectors are independent of each other: they run side by side, each on its own thread.
            var current = round;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var previous = reports;
            reports = new DetectorReport[detectors.Count + stacked.Count];
            Parallel.For(0, detectors.Count, d =>
            {
                if (current > 1 && !detectors[d].ReadsTruth)
                {
                    reports[d] = previous[d];
                    return;
                }

                var started = clock.Elapsed.TotalSeconds;
                reports[d] = detectors[d].Run(log);
                progress?.Report($"round {current}/{options.Rounds}: {detectors[d].Name} done ({clock.Elapsed.TotalSeconds - started:F2} s)");
            });

            var evidence = reports[..detectors.Count];
            for (var s = 0; s < stacked.Count; s++)
            {
                progress?.Report($"round {round}/{options.Rounds}: {stacked[s].Name}");
                reports[detectors.Count + s] = stacked[s].Run(log, evidence);
            }

            scores = FraudScoring.Score(log, reports, options.Scoring);
            progress?.Report($"round {round}/{options.Rounds}: {scores.FlaggedWorkerCount:N0} workers and {scores.FlaggedAnswerCount:N0} answers flagged; truth without them");
            truth = InferWithout(method, answers, gold, scores.AnswerFlagged, truth);
        }

        return new FraudAnalysisResult(truth, truth.Workers, log, reports, scores);
    }

    /// <summary>
    /// Infers truth leaving out the flagged answers, except on tasks where every answer is flagged, and
    /// returns it over the full answer set with worker estimates measured on all answers.
    /// </summary>
    internal static TruthResult InferWithout(ITruthMethod method, AnswerSet answers, GoldLabels? gold, ReadOnlySpan<bool> flagged, TruthResult? previous = null)
    {
        var keep = new bool[answers.Count];
        var dropped = 0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var from = answers.TaskStart(t);
            var to = answers.TaskStart(t + 1);
            var anyKept = false;
            for (var a = from; a < to; a++)
            {
                anyKept |= !flagged[a];
            }

            for (var a = from; a < to; a++)
            {
                keep[a] = !flagged[a] || !anyKept;
                dropped += keep[a] ? 0 : 1;
            }
        }

        // IBCC starts from the previous posteriors: leaving out a few answers moves them little. The kept set
        // has the same tasks in the same order (tasks are never dropped whole), so the rows line up.
        var kept = dropped == 0 ? answers : answers.Where(keep);
        if (method is Ibcc ibcc && previous is not null && kept.TaskCount == answers.TaskCount)
        {
            // The fit's own worker estimates would measure the kept answers only; these measure every answer.
            var fit = ibcc.Fit(kept, gold, previous.Posteriors.ToArray());
            return new TruthResult(ibcc.Name, answers, fit.Posterior, fit.Prior, WorkerEstimates.Build(answers, fit.Posterior), fit.Iterations, fit.Converged);
        }

        var inner = method.Infer(kept, gold);
        var posterior = inner.Posteriors.ToArray();
        return new TruthResult(inner.Method, answers, posterior, inner.ClassPrior.ToArray(), WorkerEstimates.Build(answers, posterior), inner.Iterations, inner.Converged);
    }
}
