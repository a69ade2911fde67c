using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>From the kept fit to a <see cref="TruthResult"/>: subtypes are summed out.</summary>
public sealed partial class Ebcc
{
    private TruthResult Result(AnswerSet answers, Fit fit)
    {
        var k = answers.ClassCount;
        var m = fit.Subtypes;
        var posterior = Marginal(fit);

        // Posterior means of the class and subtype proportions.
        var classCounts = new double[k];
        var subtypeShare = new double[k * m];
        for (var truth = 0; truth < k; truth++)
        {
            var counts = fit.GroupCounts.AsSpan(truth * m, m);
            classCounts[truth] = Sum(counts);
            var total = classCounts[truth] + (m * SubtypePseudoCount(m));
            for (var s = 0; s < m; s++)
            {
                subtypeShare[(truth * m) + s] = (counts[s] + SubtypePseudoCount(m)) / total;
            }
        }

        var prior = new double[k];
        var classTotal = Sum(classCounts) + (k * _options.ClassPseudoCount);
        for (var truth = 0; truth < k; truth++)
        {
            prior[truth] = (classCounts[truth] + _options.ClassPseudoCount) / classTotal;
        }

        var confusion = MarginalConfusion(fit.Counts, fit.ConfusionPrior, subtypeShare, k, m);
        var workers = WorkerEstimates.Build(answers, posterior, confusion);
        return new TruthResult(Name, answers, posterior, prior, workers, fit.Iterations, fit.Converged);
    }

    /// <summary>
    /// Each worker's confusion matrix with the subtypes summed out: row c is Σ_m E[π_cm] · E[v_{c, m}], in
    /// the public worker-major layout <c>[worker, truth, observed]</c>.
    /// </summary>
    private static double[] MarginalConfusion(double[] counts, double[] confusionPrior, double[] subtypeShare, int k, int m)
    {
        var cells = k * m;
        var workers = counts.Length / (k * cells);
        var confusion = new double[workers * k * k];
        Span<double> row = stackalloc double[k];
        for (var worker = 0; worker < workers; worker++)
        {
            for (var truth = 0; truth < k; truth++)
            {
                var target = confusion.AsSpan((worker * k * k) + (truth * k), k);
                for (var s = 0; s < m; s++)
                {
                    var column = (worker * k * cells) + (truth * m) + s;
                    var sum = 0.0;
                    for (var observed = 0; observed < k; observed++)
                    {
                        row[observed] = counts[column + (observed * cells)] + confusionPrior[(truth * k) + observed];
                        sum += row[observed];
                    }

                    var weight = subtypeShare[(truth * m) + s] / sum;
                    for (var observed = 0; observed < k; observed++)
                    {
                        target[observed] += weight * row[observed];
                    }
                }
            }
        }

        return confusion;
    }

    /// <summary>The class posterior of every task with the subtypes summed out, task-major <c>T × K</c>.</summary>
    private static double[] Marginal(Fit fit)
    {
        var m = fit.Subtypes;
        var posterior = new double[fit.Posterior.Length / m];
        for (var cell = 0; cell < posterior.Length; cell++)
        {
            posterior[cell] = Sum(fit.Posterior.AsSpan(cell * m, m));
        }

        return posterior;
    }

    /// <summary>
    /// How far worker pairs agree beyond what a fit predicts (<see cref="PairAgreement.ExcessZ"/>), under the
    /// fit's class posterior and posterior-mean confusion rows.
    /// </summary>
    private static double ExcessAgreement(AnswerSet answers, Fit fit)
    {
        var k = answers.ClassCount;
        var m = fit.Subtypes;
        var share = new double[k * m];
        for (var truth = 0; truth < k; truth++)
        {
            var counts = fit.GroupCounts.AsSpan(truth * m, m);
            var total = Sum(counts);
            for (var s = 0; s < m; s++)
            {
                share[(truth * m) + s] = total > 0 ? counts[s] / total : 1.0 / m;
            }
        }

        return PairAgreement.ExcessZ(answers, Marginal(fit), MarginalConfusion(fit.Counts, fit.ConfusionPrior, share, k, m));
    }
}
