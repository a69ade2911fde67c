namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>
    /// Chooses the entropy and agreement windows by mean one-step-ahead loss (see the class remarks). Losses are
    /// kept per worker and summed in worker order, so the choice does not depend on the threads.
    /// </summary>
    private static (int Entropy, int Agreement, WindowScore[] Search) SearchWindows(WorkLog log, double[] agreement, int[] windows)
    {
        var workers = log.Answers.WorkerCount;
        var k = log.Answers.ClassCount;
        var labelLoss = new double[workers * windows.Length];
        var agreementLoss = new double[workers * windows.Length];
        var predicted = new long[workers];
        WorkerChunks.ForEach(log, () => new int[windows.Length * k], (w, counts) =>
        {
            Array.Clear(counts);
            var labels = log.Answers.AnswerLabels;
            var timeline = log.Timeline(w);
            Span<double> sums = stackalloc double[windows.Length];
            for (var i = 0; i < timeline.Length; i++)
            {
                var a = timeline[i];
                var label = labels[a];
                for (var j = 0; j < windows.Length; j++)
                {
                    var window = windows[j];
                    var seen = Math.Min(i, window);
                    if (seen > 0)
                    {
                        var p = (counts[(j * k) + label] + 0.5) / (seen + (0.5 * k));
                        labelLoss[(w * windows.Length) + j] -= Math.Log(p);
                        var error = agreement[a] - (sums[j] / seen);
                        agreementLoss[(w * windows.Length) + j] += error * error;
                    }

                    counts[(j * k) + label]++;
                    sums[j] += agreement[a];
                    if (i >= window)
                    {
                        var old = timeline[i - window];
                        counts[(j * k) + labels[old]]--;
                        sums[j] -= agreement[old];
                    }
                }
            }

            predicted[w] = Math.Max(0, timeline.Length - 1);
        });

        var total = predicted.Sum();
        var entropyLoss = new double[windows.Length];
        var meanAgreementLoss = new double[windows.Length];
        for (var w = 0; w < workers; w++)
        {
            for (var j = 0; j < windows.Length; j++)
            {
                entropyLoss[j] += labelLoss[(w * windows.Length) + j];
                meanAgreementLoss[j] += agreementLoss[(w * windows.Length) + j];
            }
        }

        for (var j = 0; j < windows.Length; j++)
        {
            entropyLoss[j] = total == 0 ? double.NaN : entropyLoss[j] / total;
            meanAgreementLoss[j] = total == 0 ? double.NaN : meanAgreementLoss[j] / total;
        }

        var entropyBest = Best(entropyLoss);
        var agreementBest = Best(meanAgreementLoss);
        List<WindowScore> search = [];
        for (var j = 0; j < windows.Length; j++)
        {
            search.Add(new WindowScore(BehaviourColumns.LabelEntropy, windows[j], entropyLoss[j], j == entropyBest));
        }

        for (var j = 0; j < windows.Length; j++)
        {
            search.Add(new WindowScore(BehaviourColumns.AgreementWindow, windows[j], meanAgreementLoss[j], j == agreementBest));
        }

        return (windows[entropyBest], windows[agreementBest], [.. search]);
    }

    /// <summary>Index of the smallest loss, the first (shortest window) on ties; 0 when every loss is NaN.</summary>
    private static int Best(double[] loss)
    {
        var best = 0;
        for (var j = 1; j < loss.Length; j++)
        {
            if (loss[j] < loss[best] || double.IsNaN(loss[best]))
            {
                best = j;
            }
        }

        return best;
    }
}
