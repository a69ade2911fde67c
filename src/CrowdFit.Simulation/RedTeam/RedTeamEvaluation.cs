using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Simulation.RedTeam;

/// <summary>Scores fraud flags against the known truth of a simulated crowd, per adversary kind.</summary>
public static class RedTeamEvaluation
{
    /// <summary>The suspicion score used for ranking: −log₁₀ of the combined p-value (p = 0 ranks above all).</summary>
    public static double Suspicion(double p) => p <= 0 ? double.PositiveInfinity : -Math.Log10(p);

    /// <summary>One row per adversary kind (and one for all adversaries together, kind <c>all</c>).</summary>
    /// <param name="scenario">Name of the scenario.</param>
    /// <param name="answers">The answers analysed.</param>
    /// <param name="scores">The combined fraud scores.</param>
    /// <param name="truth">The known truth.</param>
    /// <param name="answersToFlag">Per kind, the median answers-to-flag (see <see cref="RedTeamRow.MedianAnswersToFlag"/>); kinds not present get NaN.</param>
    public static IReadOnlyList<RedTeamRow> Score(string scenario, AnswerSet answers, FraudScores scores, RedTeamTruth truth, IReadOnlyDictionary<string, double>? answersToFlag = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(truth);
        var workerKind = answers.WorkerIds.Select(truth.KindOf).ToArray();
        var workerScore = scores.WorkerP.ToArray().Select(Suspicion).ToArray();
        var answerScore = scores.AnswerP.ToArray().Select(Suspicion).ToArray();
        var answerTruth = new (bool Bad, string Attack)?[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            answerTruth[a] = truth.AnswerOf(answers.TaskIds[answers.Tasks[a]], answers.WorkerIds[answers.Workers[a]]);
        }

        List<RedTeamRow> rows = [];
        var adversaries = truth.Kinds.Where(k => k != RedTeamTruth.HonestKind).ToArray();
        foreach (var kind in adversaries.Append("all"))
        {
            var all = kind == "all";
            var workerLabel = workerKind.Select(k => k == RedTeamTruth.HonestKind ? false : k is not null && (all || k == kind) ? true : (bool?)null).ToArray();
            var answerLabel = answerTruth.Select(t => t is not { } v ? null : !v.Bad ? false : all || v.Attack == kind ? true : (bool?)null).ToArray();
            var delay = answersToFlag?.GetValueOrDefault(kind, double.NaN) ?? double.NaN;
            rows.Add(new RedTeamRow(
                scenario,
                kind,
                DetectionScore.Compute(workerScore, scores.WorkerFlagged, workerLabel),
                DetectionScore.Compute(answerScore, scores.AnswerFlagged, answerLabel),
                delay));
        }

        return rows;
    }
}
