using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>The one-coin E-step, the convergence objective and the implied confusion matrices.</summary>
public sealed partial class OneCoinDawidSkene
{
    private void ExpectationStep(AnswerSet answers, ReadOnlySpan<double> prior, ReadOnlySpan<double> skills, Span<double> posterior)
    {
        var k = answers.ClassCount;
        var (logRight, logWrong) = LogRates(skills, k);
        Span<double> logPrior = k <= 256 ? stackalloc double[k] : new double[k];
        Posteriors.FlooredLogs(prior, _options.Floor, logPrior);

        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            logPrior.CopyTo(row);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var right = logRight[workers[a]];
                var wrong = logWrong[workers[a]];
                for (var c = 0; c < k; c++)
                {
                    row[c] += c == labels[a] ? right : wrong;
                }
            }

            Posteriors.SoftMaxInPlace(row);
        }
    }

    /// <summary>
    /// Crowd-Kit's convergence monitor: expected log-likelihood with the class prior entering once per answer,
    /// plus the entropy of the posterior with cells floored.
    /// </summary>
    private double Objective(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> prior, ReadOnlySpan<double> skills)
    {
        var k = answers.ClassCount;
        var (logRight, logWrong) = LogRates(skills, k);
        Span<double> logPrior = k <= 256 ? stackalloc double[k] : new double[k];
        Posteriors.FlooredLogs(prior, _options.Floor, logPrior);

        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var total = 0.0;
        for (var a = 0; a < answers.Count; a++)
        {
            var row = posterior.Slice(tasks[a] * k, k);
            for (var c = 0; c < k; c++)
            {
                total += row[c] * ((c == labels[a] ? logRight[workers[a]] : logWrong[workers[a]]) + logPrior[c]);
            }
        }

        foreach (var p in posterior)
        {
            var floored = Math.Max(p, _options.Floor);
            total -= floored * Math.Log(floored);
        }

        return total;
    }

    /// <summary>Log-probabilities of a right answer and of one particular wrong answer, floored and capped.</summary>
    private (double[] Right, double[] Wrong) LogRates(ReadOnlySpan<double> skills, int k)
    {
        var right = new double[skills.Length];
        var wrong = new double[skills.Length];
        for (var w = 0; w < skills.Length; w++)
        {
            right[w] = Math.Log(Math.Clamp(skills[w], _options.Floor, 1 - _options.Floor));
            wrong[w] = Math.Log(Math.Clamp((1 - skills[w]) / (k - 1), _options.Floor, 1 - _options.Floor));
        }

        return (right, wrong);
    }

    /// <summary>Worker-major K×K confusion matrices implied by the skills; uniform for a worker without answers.</summary>
    private double[] Confusions(ReadOnlySpan<double> skills, int k)
    {
        var confusion = new double[skills.Length * k * k];
        for (var w = 0; w < skills.Length; w++)
        {
            var skill = double.IsNaN(skills[w]) ? 1.0 / k : skills[w];
            var right = k == 1 ? 1 : Math.Clamp(skill, _options.Floor, 1 - _options.Floor);
            var wrong = k == 1 ? 0 : Math.Clamp((1 - skill) / (k - 1), _options.Floor, 1 - _options.Floor);
            var matrix = confusion.AsSpan(w * k * k, k * k);
            matrix.Fill(wrong);
            for (var c = 0; c < k; c++)
            {
                matrix[(c * k) + c] = right;
            }
        }

        return confusion;
    }
}
