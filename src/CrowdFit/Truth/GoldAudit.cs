using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// Gold efficacy (SPEC B5): the posterior of every gold item from the crowd alone, to find wrong gold.
/// </summary>
/// <remarks>
/// Truth is inferred with no gold as input, so every gold label is judged by workers whose quality was
/// measured on all tasks. A gold item whose label the crowd makes unlikely (posterior at most
/// <c>suspectBelow</c>) is a suspect: either the gold is wrong or the item is ambiguous, and either way it
/// should not be used to score workers until someone looks. Items are returned most suspect first. The pass
/// rate beside it tells a hard item (low pass rate, gold still likely) from a wrong one.
/// </remarks>
public static class GoldAudit
{
    /// <summary>Audits every gold task.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">The gold labels (only tasks with gold are audited).</param>
    /// <param name="method">Truth method; IBCC when null.</param>
    /// <param name="suspectBelow">Posterior of the gold label at or under which an item is a suspect.</param>
    /// <exception cref="ArgumentException">The gold does not cover the answer set's tasks, or <paramref name="suspectBelow"/> is outside (0, 1).</exception>
    public static IReadOnlyList<GoldItem> Audit(AnswerSet answers, GoldLabels gold, ITruthMethod? method = null, double suspectBelow = 0.05)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(gold);
        if (gold.TaskCount != answers.TaskCount)
        {
            throw new ArgumentException($"The gold covers {gold.TaskCount} tasks; the answers have {answers.TaskCount}.", nameof(gold));
        }

        if (!(suspectBelow is > 0 and < 1))
        {
            throw new ArgumentException($"suspectBelow must be in (0, 1) (was {suspectBelow}).", nameof(suspectBelow));
        }

        var truth = (method ?? new Ibcc()).Infer(answers, null);
        var labels = answers.AnswerLabels;
        var items = new List<GoldItem>(gold.Count);
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var g = gold[t];
            if (g == GoldLabels.None)
            {
                continue;
            }

            var from = answers.TaskStart(t);
            var to = answers.TaskStart(t + 1);
            var pass = 0;
            for (var a = from; a < to; a++)
            {
                pass += labels[a] == g ? 1 : 0;
            }

            var n = to - from;
            var posterior = truth.Posterior(t);
            var crowd = TruthResult.ArgMax(posterior);
            items.Add(new GoldItem(t, g, n, n == 0 ? double.NaN : (double)pass / n, posterior[g], crowd, posterior[crowd], n > 0 && posterior[g] <= suspectBelow));
        }

        items.Sort((x, y) => x.GoldPosterior != y.GoldPosterior ? x.GoldPosterior.CompareTo(y.GoldPosterior) : x.Task.CompareTo(y.Task));
        return items;
    }
}
