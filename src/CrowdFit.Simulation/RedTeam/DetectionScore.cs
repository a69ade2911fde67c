namespace CrowdFit.Simulation.RedTeam;

/// <summary>How well flags and scores separate bad cases (positives) from honest ones (negatives).</summary>
/// <param name="Positives">Number of bad cases.</param>
/// <param name="Negatives">Number of honest cases.</param>
/// <param name="TruePositives">Bad cases flagged.</param>
/// <param name="FalsePositives">Honest cases flagged.</param>
/// <param name="AveragePrecision">Area under the precision–recall curve of the scores (average precision; NaN without positives).</param>
public sealed record DetectionScore(int Positives, int Negatives, int TruePositives, int FalsePositives, double AveragePrecision)
{
    /// <summary>Flagged bad cases over all flagged cases; NaN when nothing is flagged.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Flagged bad cases over all bad cases; NaN without bad cases.</summary>
    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    /// <summary>Flagged honest cases over all honest cases; NaN without honest cases.</summary>
    public double FalsePositiveRate => Negatives == 0 ? double.NaN : (double)FalsePositives / Negatives;

    /// <summary>F-beta with beta = 2 (recall weighted four times precision); 0 when nothing bad is flagged, NaN without bad cases.</summary>
    public double F2 => Positives == 0 ? double.NaN : TruePositives == 0 ? 0 : 5 * Precision * Recall / ((4 * Precision) + Recall);

    /// <summary>Scores cases: <paramref name="label"/> says which are bad (true), honest (false) or out of scope (null).</summary>
    /// <param name="score">Higher means more suspicious.</param>
    /// <param name="flagged">Whether each case was flagged.</param>
    /// <param name="label">Truth per case; null excludes the case.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <remarks>
    /// Average precision is Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct score thresholds from the highest down, with tied
    /// scores taken as one step (the scikit-learn definition), so it does not depend on the order of ties.
    /// </remarks>
    public static DetectionScore Compute(ReadOnlySpan<double> score, ReadOnlySpan<bool> flagged, ReadOnlySpan<bool?> label)
    {
        if (score.Length != flagged.Length || score.Length != label.Length)
        {
            throw new ArgumentException($"Expected equal lengths; got score {score.Length}, flagged {flagged.Length}, label {label.Length}.");
        }

        List<(double Score, bool Bad)> cases = [];
        int positives = 0, negatives = 0, tp = 0, fp = 0;
        for (var i = 0; i < score.Length; i++)
        {
            if (label[i] is not { } bad)
            {
                continue;
            }

            cases.Add((double.IsNaN(score[i]) ? double.NegativeInfinity : score[i], bad));
            positives += bad ? 1 : 0;
            negatives += bad ? 0 : 1;
            tp += bad && flagged[i] ? 1 : 0;
            fp += !bad && flagged[i] ? 1 : 0;
        }

        return new DetectionScore(positives, negatives, tp, fp, AveragePrecisionOf(cases, positives));
    }

    private static double AveragePrecisionOf(List<(double Score, bool Bad)> cases, int positives)
    {
        if (positives == 0)
        {
            return double.NaN;
        }

        cases.Sort((x, y) => y.Score.CompareTo(x.Score));
        double ap = 0;
        int seen = 0, hits = 0;
        var previousRecall = 0.0;
        var i = 0;
        while (i < cases.Count)
        {
            var j = i;
            while (j < cases.Count && cases[j].Score.Equals(cases[i].Score))
            {
                seen++;
                hits += cases[j].Bad ? 1 : 0;
                j++;
            }

            var recall = (double)hits / positives;
            ap += (recall - previousRecall) * hits / seen;
            previousRecall = recall;
            i = j;
        }

        return ap;
    }
}
