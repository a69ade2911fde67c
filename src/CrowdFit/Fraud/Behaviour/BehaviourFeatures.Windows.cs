using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>
    /// Chooses the entropy and agreement windows by mean one-step-ahead loss (see the class remarks). Losses are
    /// kept per worker and summed in worker order, so the choice does not depend on the threads.
    /// </summary>
    private static (int Entropy, int Agreement, WindowScore[] Search) SearchWindows(WorkLog log, Sequence sequence, int[] windows)
    {
        var workers = log.Answers.WorkerCount;
        var k = log.Answers.ClassCount;
        var labelLoss = new double[workers * windows.Length];
        var agreementLoss = new double[workers * windows.Length];
        var predicted = new long[workers];
        var logShare = new double[windows.Length][];
        for (var j = 0; j < windows.Length; j++)
        {
            logShare[j] = LogShares(windows[j], k);
        }

        WorkerChunks.ForEach(log, () => new int[k], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (w, counts) =>
        {
            var from = sequence.Start[w];
            var length = sequence.Start[w + 1] - from;
            var labels = sequence.Label.AsSpan(from, length);
            var agreement = sequence.Agreement.AsSpan(from, length);
            for (var j = 0; j < windows.Length; j++)
            {
                Array.Clear(counts);
                var window = windows[j];
                var table = logShare[j];
                double sum = 0, labelLossSum = 0, agreementLossSum = 0;
                for (var i = 0; i < length; i++)
                {
                    var label = labels[i];
                    var seen = Math.Min(i, window);
                    if (seen > 0)
                    {
                        labelLossSum -= table[(seen * (window + 1)) + counts[label]];
                        var error = agreement[i] - (sum / seen);
                        agreementLossSum += error * error;
                    }

                    counts[label]++;
                    sum += agreement[i];
                    if (i >= window)
                    {
                        counts[labels[i - window]]--;
                        sum -= agreement[i - window];
                    }
                }

                labelLoss[(w * windows.Length) + j] = labelLossSum;
                agreementLoss[(w * windows.Length) + j] = agreementLossSum;
            }

            predicted[w] = Math.Max(0, length - 1);
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

    /// <summary>ln of the smoothed share of a label seen c times among the last s answers, (c + ½) / (s + ½K), at index s · (window + 1) + c.</summary>
    private static double[] LogShares(int window, int classes)
    {
        var table = new double[(window + 1) * (window + 1)];
        for (var seen = 1; seen <= window; seen++)
        {
            for (var count = 0; count <= seen; count++)
            {
                table[(seen * (window + 1)) + count] = Math.Log((count + 0.5) / (seen + (0.5 * classes)));
            }
        }

        return table;
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
