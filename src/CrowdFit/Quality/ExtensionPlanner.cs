namespace CrowdFit.Quality;

/// <summary>
/// Plans the fewest extensions that bring a delivered set under its AQL (SPEC C2).
/// </summary>
/// <remarks>
/// The expected error of the set is the mean of its tasks' posterior errors. One more answer from a typical
/// worker lowers a task's expected error by a known amount (<see cref="TaskEvidence.ExpectedErrorAfter"/>);
/// taking tasks in order of that gain, largest first, reaches the limit with the fewest answers among plans
/// that extend each task once. The plan is re-made as answers arrive.
/// </remarks>
public static class ExtensionPlanner
{
    /// <summary>Makes the plan.</summary>
    /// <param name="posteriors">Every task's posterior, task-major (tasks × classes).</param>
    /// <param name="delivered">Which tasks' labels are delivered.</param>
    /// <param name="extendable">Which delivered tasks may still take an answer (budget left).</param>
    /// <param name="nextWorker">Confusion matrix (probabilities) of the worker expected to answer.</param>
    /// <param name="aql">The limit.</param>
    /// <exception cref="ArgumentException">The spans do not line up.</exception>
    public static ExtensionPlan Plan(ReadOnlySpan<double> posteriors, ReadOnlySpan<bool> delivered, ReadOnlySpan<bool> extendable, ReadOnlySpan<double> nextWorker, double aql)
    {
        var tasks = delivered.Length;
        if (tasks == 0)
        {
            return new ExtensionPlan(0, 0, aql, [], 0);
        }

        var k = posteriors.Length / tasks;
        if (k * tasks != posteriors.Length || extendable.Length != tasks || nextWorker.Length != k * k)
        {
            throw new ArgumentException("Posteriors, delivered, extendable and the confusion matrix do not line up.");
        }

        var count = 0;
        var errorSum = 0.0;
        var candidates = new List<(double Gain, int Task)>();
        for (var t = 0; t < tasks; t++)
        {
            if (!delivered[t])
            {
                continue;
            }

            var row = posteriors.Slice(t * k, k);
            var error = 1 - row[TaskEvidence.Leader(row)];
            count++;
            errorSum += error;
            if (extendable[t])
            {
                var gain = error - TaskEvidence.ExpectedErrorAfter(row, nextWorker);
                if (gain > 0)
                {
                    candidates.Add((gain, t));
                }
            }
        }

        var expected = count == 0 ? 0 : errorSum / count;
        if (expected <= aql)
        {
            return new ExtensionPlan(count, expected, aql, [], expected);
        }

        candidates.Sort((a, b) => b.Gain != a.Gain ? b.Gain.CompareTo(a.Gain) : a.Task.CompareTo(b.Task));
        var plan = new List<int>();
        var target = aql * count;
        foreach (var (gain, task) in candidates)
        {
            if (errorSum <= target)
            {
                break;
            }

            errorSum -= gain;
            plan.Add(task);
        }

        return new ExtensionPlan(count, expected, aql, plan, errorSum / count);
    }
}
