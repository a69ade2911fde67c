using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Operations;

public static partial class Drift
{
    /// <summary>
    /// Tests every window after the first against the pooled windows before it, writes the corrected p-values into
    /// <paramref name="windows"/> and returns the alerts. The label statistic is divided by
    /// <paramref name="labelEffect"/> and the agreement variance multiplied by <paramref name="agreementEffect"/>.
    /// </summary>
    private static DriftAlert[] Alerts(AnswerSet answers, DriftWindow[] windows, double alpha, double labelEffect, double agreementEffect)
    {
        var tested = windows.Length - 1;
        var baseline = new long[answers.ClassCount];
        long baselineAnswers = 0;
        long baselineAgree = 0;
        List<DriftAlert> alerts = [];
        for (var w = 0; w < windows.Length; w++)
        {
            var window = windows[w];
            if (w > 0)
            {
                var (labelP, moved) = Homogeneity(baseline, baselineAnswers, window, labelEffect);
                labelP = Math.Min(1, labelP * tested);
                var agreementP = Math.Min(1, TwoProportion(baselineAgree, baselineAnswers, window.AgreeingAnswers, window.Answers, agreementEffect) * tested);
                window = windows[w] = window with { LabelPValue = labelP, AgreementPValue = agreementP };
                if (labelP <= alpha)
                {
                    var share = window.Share(moved);
                    var before = (double)baseline[moved] / baselineAnswers;
                    var text = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{window.Name}: label '{answers.Labels[moved]}' {share * 100:0.#} % against {before * 100:0.#} % before ({Probability(labelP)})");
                    alerts.Add(new DriftAlert(w, DriftAlertKind.LabelDistribution, moved, share, before, labelP, text));
                }

                if (agreementP <= alpha)
                {
                    var before = (double)baselineAgree / baselineAnswers;
                    var text = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{window.Name}: agreement {window.Agreement:0.00} against {before:0.00} before ({Probability(agreementP)})");
                    alerts.Add(new DriftAlert(w, DriftAlertKind.Agreement, -1, window.Agreement, before, agreementP, text));
                }
            }

            for (var c = 0; c < baseline.Length; c++)
            {
                baseline[c] += window.LabelCounts[c];
            }

            baselineAnswers += window.Answers;
            baselineAgree += window.AgreeingAnswers;
        }

        return [.. alerts];
    }

    /// <summary>
    /// Pearson's chi-square test of homogeneity of the baseline row against the window row, and the label with the
    /// largest residual (O − E) / √E in the window row; the statistic is divided by the design effect.
    /// </summary>
    /// <returns>The uncorrected p-value (1 when fewer than two labels occur) and the class index of that label.</returns>
    private static (double P, int Moved) Homogeneity(long[] baseline, long baselineAnswers, DriftWindow window, double designEffect)
    {
        double n1 = baselineAnswers, n2 = window.Answers;
        var total = n1 + n2;
        var statistic = 0.0;
        var used = 0;
        var moved = 0;
        var largest = -1.0;
        for (var c = 0; c < baseline.Length; c++)
        {
            double observed1 = baseline[c], observed2 = window.LabelCounts[c];
            var column = observed1 + observed2;
            if (column == 0)
            {
                continue;
            }

            used++;
            var expected1 = n1 * column / total;
            var expected2 = n2 * column / total;
            var residual = (observed2 - expected2) / Math.Sqrt(expected2);
            statistic += (residual * residual) + ((observed1 - expected1) * (observed1 - expected1) / expected1);
            if (Math.Abs(residual) > largest)
            {
                largest = Math.Abs(residual);
                moved = c;
            }
        }

        return (used < 2 ? 1 : CrowdFit.Numerics.ChiSquare.Upper(statistic / designEffect, used - 1), moved);
    }

    /// <summary>The pooled two-proportion z test, two-sided, with the variance multiplied by the design effect.</summary>
    /// <returns>The uncorrected p-value; 1 when the pooled share is 0 or 1, where the test has no variance.</returns>
    private static double TwoProportion(double successes1, double n1, double successes2, double n2, double designEffect)
    {
        var pooled = (successes1 + successes2) / (n1 + n2);
        var variance = designEffect * pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        if (!(variance > 0))
        {
            return 1;
        }

        var z = ((successes2 / n2) - (successes1 / n1)) / Math.Sqrt(variance);
        return Tails.NormalTwoSided(z);
    }

    private static string Probability(double p) =>
        p < 1e-300 ? "p < 1e-300" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.#e0}");
}
