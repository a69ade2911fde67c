using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>GLAD's E-step and the M-step objective with its gradient.</summary>
public sealed partial class Glad
{
    /// <summary>Beyond this |α·exp(β)| the log-sigmoid is replaced by its asymptote, as in Crowd-Kit.</summary>
    private const double LinkLimit = 30;

    private static readonly double s_halfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Writes each task's posterior under the current α and β (uniform class prior).</summary>
    private static void ExpectationStep(AnswerSet answers, ReadOnlySpan<double> parameters, Span<double> posterior)
    {
        var k = answers.ClassCount;
        var alpha = parameters[..answers.WorkerCount];
        var beta = parameters[answers.WorkerCount..];
        var logOther = Math.Log(k - 1);
        var logPrior = -Math.Log(k);
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.Slice(t * k, k);
            row.Fill(logPrior);
            var scale = Math.Exp(beta[t]);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var (logRight, logWrong, _) = Link(alpha[workers[a]] * scale);
                var wrong = logWrong - logOther;
                for (var c = 0; c < k; c++)
                {
                    row[c] += c == labels[a] ? logRight : wrong;
                }
            }

            Posteriors.SoftMaxInPlace(row);
        }
    }

    /// <summary>
    /// Minus the M-step objective Q (expected complete-data log-likelihood plus the standard-normal log-priors
    /// of α and β), with minus its gradient written to <paramref name="gradient"/> (α first, then β).
    /// </summary>
    internal double NegativeObjective(AnswerSet answers, ReadOnlySpan<double> posterior, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var k = answers.ClassCount;
        var w = answers.WorkerCount;
        var alpha = parameters[..w];
        var beta = parameters[w..];
        var gradAlpha = gradient[..w];
        var gradBeta = gradient[w..];
        gradient.Clear();
        var logOther = Math.Log(k - 1);
        var starts = answers.TaskStarts;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        var q = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var scale = Math.Exp(beta[t]);
            var row = posterior.Slice(t * k, k);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                var worker = workers[a];
                var (logRight, logWrong, right) = Link(alpha[worker] * scale);
                var p = row[labels[a]];
                q += (p * logRight) + ((1 - p) * (logWrong - logOther));

                // dQ/dz for z = α·exp(β) is p − σ(z); the chain rule gives exp(β) for α and α·exp(β) for β.
                var residual = p - right;
                gradAlpha[worker] += residual * scale;
                gradBeta[t] += residual * alpha[worker] * scale;
            }
        }

        q += LogNormalPrior(alpha, _options.AbilityPriorMean, gradAlpha);
        q += LogNormalPrior(beta, _options.DifficultyPriorMean, gradBeta);
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return -q;
    }

    /// <summary>Adds the standard-normal log-density of each value around <paramref name="mean"/>, and its gradient.</summary>
    private static double LogNormalPrior(ReadOnlySpan<double> values, double mean, Span<double> gradient)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - mean;
            sum -= (0.5 * d * d) + s_halfLogTwoPi;
            gradient[i] -= d;
        }

        return sum;
    }

    /// <summary>log σ(z), log(1 − σ(z)) and σ(z), stable for any z.</summary>
    private static (double LogRight, double LogWrong, double Right) Link(double z)
    {
        var e = Math.Exp(-Math.Abs(z));
        var right = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        if (z > LinkLimit)
        {
            return (0, -z, right);
        }

        if (z < -LinkLimit)
        {
            return (z, 0, right);
        }

        var soft = LogOnePlus(e);
        return (-(soft + Math.Max(-z, 0)), -(soft + Math.Max(z, 0)), right);
    }

    /// <summary>log(1 + e) accurate for small e (Goldberg's correction of the rounding in 1 + e).</summary>
    private static double LogOnePlus(double e)
    {
        var u = 1 + e;
        return u == 1 ? e : Math.Log(u) * e / (u - 1);
    }
}
