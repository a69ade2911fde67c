namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// A task's posterior with one answer's own vote taken out: what the other answers (and gold) say about the
/// task, so that a worker is never scored against a consensus it made itself.
/// </summary>
/// <remarks>
/// Under the confusion-matrix model every answer multiplies the posterior by its worker's confusion column,
/// p(k) ∝ prior(k) · Π_j π_j[k, l_j]; dividing that factor back out leaves the posterior of the others. The
/// confusion used is the truth result's estimate, floored at <see cref="Floor"/> so a hard zero cannot
/// divide by nothing. Gold posteriors are one-hot and stay so. A task answered by this worker alone gets
/// (close to) the class prior back.
/// </remarks>
internal static class LeaveSelfOut
{
    /// <summary>Smallest confusion probability divided by.</summary>
    public const double Floor = 1e-3;

    /// <summary>Writes the leave-self-out posterior of the task of <paramref name="answer"/>.</summary>
    public static void Posterior(WorkLog log, int answer, Span<double> destination)
    {
        var answers = log.Answers;
        Posterior(
            log.Truth.Posterior(answers.Tasks[answer]),
            log.Truth.Workers[answers.Workers[answer]].Confusion.Span,
            answers.AnswerLabels[answer],
            destination);
    }

    /// <summary>
    /// Writes the leave-self-out posterior of a task from its <paramref name="posterior"/> and the answering worker's
    /// <paramref name="confusion"/> (row = truth, column = label; empty when unknown) and <paramref name="label"/>.
    /// </summary>
    public static void Posterior(ReadOnlySpan<double> posterior, ReadOnlySpan<double> confusion, int label, Span<double> destination)
    {
        var k = posterior.Length;
        var sum = 0.0;
        for (var c = 0; c < k; c++)
        {
            var factor = confusion.Length == k * k ? Math.Max(Floor, confusion[(c * k) + label]) : 1;
            destination[c] = posterior[c] / factor;
            sum += destination[c];
        }

        if (sum > 0 && double.IsFinite(sum))
        {
            for (var c = 0; c < k; c++)
            {
                destination[c] /= sum;
            }
        }
        else
        {
            posterior.CopyTo(destination);
        }
    }

    /// <summary>The probability, by the other answers, that <paramref name="answer"/> is right.</summary>
    public static double CorrectProbability(WorkLog log, int answer, Span<double> scratch)
    {
        Posterior(log, answer, scratch);
        return scratch[log.Answers.AnswerLabels[answer]];
    }

    /// <summary>The leave-self-out probability of being right for every answer, computed in parallel over tasks.</summary>
    public static double[] CorrectProbabilities(WorkLog log)
    {
        var answers = log.Answers;
        var q = new double[answers.Count];
        var k = answers.ClassCount;
        var chunks = Math.Max(1, Math.Min(answers.TaskCount, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk =>
        {
            var scratch = new double[k];
            var from = (int)((long)answers.TaskCount * chunk / chunks);
            var to = (int)((long)answers.TaskCount * (chunk + 1) / chunks);
            for (var a = answers.TaskStart(from); a < answers.TaskStart(to); a++)
            {
                q[a] = CorrectProbability(log, a, scratch);
            }
        });
        return q;
    }
}
