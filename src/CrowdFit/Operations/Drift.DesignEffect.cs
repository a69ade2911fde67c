using CrowdFit.Answers;

namespace CrowdFit.Operations;

public static partial class Drift
{
    /// <summary>
    /// The design effects of the label shares and of the agreement: the variance of each across a window's tasks
    /// (each task's answers in the window form one cluster) over the variance independent answers would have,
    /// pooled over the windows and floored at 1.
    /// </summary>
    /// <remarks>
    /// Answers on one task share its true label and its difficulty, so n answers on n / m tasks carry less
    /// information than n independent answers; a test that ignores this sees drift in every clean log with
    /// redundant labeling. The label statistic is divided by the label design effect (the first-order correction of
    /// Rao and Scott, 1981, "The analysis of categorical data from complex sample surveys", JASA 76) and the
    /// agreement variance is multiplied by the agreement design effect. With a piece of m answers on a task in window
    /// w, of which y_c carry label c and y_agree agree with the truth, the label effect is
    /// Σ_pieces Σ_c (y_c − p_wc m)² / Σ_w n_w Σ_c p_wc (1 − p_wc), and the agreement effect is
    /// Σ_pieces (y_agree − q_w m)² / Σ_w n_w q_w (1 − q_w), where p_wc and q_w are the window's shares.
    /// </remarks>
    private static (double Labels, double Agreement) DesignEffects(AnswerSet answers, int[] truthLabel, int[] windowOf, DriftWindow[] windows)
    {
        var sumSquaredShares = new double[windows.Length];
        var labelNull = 0.0;
        var agreementNull = 0.0;
        for (var w = 0; w < windows.Length; w++)
        {
            var window = windows[w];
            for (var c = 0; c < window.LabelCounts.Count; c++)
            {
                var share = window.Share(c);
                sumSquaredShares[w] += share * share;
            }

            labelNull += window.Answers * (1 - sumSquaredShares[w]);
            agreementNull += window.Answers * window.Agreement * (1 - window.Agreement);
        }

        var labels = answers.AnswerLabels;
        var largest = 0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            largest = Math.Max(largest, answers.TaskAnswerCount(t));
        }

        // A task's answers sorted by (window, label) fall into runs: a run of one window is a cluster, a run of one
        // label within it is y_c.
        var keys = new long[largest];
        var labelSpread = 0.0;
        var agreementSpread = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var count = 0;
            for (var a = answers.TaskStart(t); a < answers.TaskStart(t + 1); a++)
            {
                if (windowOf[a] >= 0)
                {
                    keys[count++] = ((long)windowOf[a] << 32) | (uint)labels[a];
                }
            }

            var piece = keys.AsSpan(0, count);
            piece.Sort();
            for (var i = 0; i < count;)
            {
                var w = (int)(piece[i] >> 32);
                var window = windows[w];
                double m = 0, sumSquared = 0, crossShares = 0, agree = 0;
                while (i < count && (int)(piece[i] >> 32) == w)
                {
                    var label = (int)(piece[i] & uint.MaxValue);
                    var run = 0;
                    while (i < count && piece[i] == (((long)w << 32) | (uint)label))
                    {
                        run++;
                        i++;
                    }

                    m += run;
                    sumSquared += (double)run * run;
                    crossShares += window.Share(label) * run;
                    agree += label == truthLabel[t] ? run : 0;
                }

                labelSpread += sumSquared - (2 * m * crossShares) + (m * m * sumSquaredShares[w]);
                var expected = window.Agreement * m;
                agreementSpread += (agree - expected) * (agree - expected);
            }
        }

        return (Floored(labelSpread, labelNull), Floored(agreementSpread, agreementNull));
    }

    /// <summary>spread / null, at least 1: clustering is never taken to make answers more informative than independent ones.</summary>
    private static double Floored(double spread, double expected) => expected > 0 ? Math.Max(1, spread / expected) : 1;
}
