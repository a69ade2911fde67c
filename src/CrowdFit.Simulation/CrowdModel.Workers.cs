using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation;

internal sealed partial class CrowdModel
{
    /// <summary>
    /// Draws every worker from the worker stream: its kind (spammer with probability SpammerShare, split
    /// between uniform and constant spammers), its log-normal activity, then its confusion matrix.
    /// </summary>
    private static SimulatedWorker[] DrawWorkers(DawidSkeneCrowdOptions options, double[] balance)
    {
        var rng = new Xoshiro256(unchecked((ulong)options.Seed), WorkerStream);
        var k = options.Classes;
        var workers = new SimulatedWorker[options.Workers];
        for (var w = 0; w < workers.Length; w++)
        {
            var u = rng.NextDouble();
            var kind = u < options.SpammerShare * options.UniformSpammerShare ? WorkerKind.UniformSpammer
                : u < options.SpammerShare ? WorkerKind.ConstantSpammer
                : WorkerKind.Honest;
            var activity = Distributions.LogNormal(ref rng, 0, options.ActivitySigma);
            var confusion = new double[k * k];
            if (kind == WorkerKind.UniformSpammer)
            {
                Array.Fill(confusion, 1.0 / k);
            }
            else if (kind == WorkerKind.ConstantSpammer)
            {
                var constant = rng.NextInt(k);
                for (var t = 0; t < k; t++)
                {
                    confusion[(t * k) + constant] = 1;
                }
            }
            else
            {
                DrawHonestConfusion(ref rng, options, confusion);
            }

            var accuracy = 0.0;
            for (var t = 0; t < k; t++)
            {
                accuracy += balance[t] * confusion[(t * k) + t];
            }

            workers[w] = new SimulatedWorker(w, kind, accuracy, activity, confusion, k);
        }

        return workers;
    }

    /// <summary>
    /// One diagonal accuracy from the rescaled Beta for every true class; each row's error mass is spread
    /// over the other classes by its own symmetric Dirichlet draw.
    /// </summary>
    private static void DrawHonestConfusion(ref Xoshiro256 rng, DawidSkeneCrowdOptions options, Span<double> confusion)
    {
        var k = options.Classes;
        var beta = Distributions.Beta(ref rng, options.AccuracyAlpha, options.AccuracyBeta);
        var accuracy = options.MinAccuracy + ((options.MaxAccuracy - options.MinAccuracy) * beta);
        var others = new double[k - 1];
        for (var t = 0; t < k; t++)
        {
            Distributions.Dirichlet(ref rng, options.ConfusionConcentration, others);
            var row = confusion.Slice(t * k, k);
            for (var j = 0; j < k; j++)
            {
                row[j] = j == t ? accuracy : (1 - accuracy) * others[j < t ? j : j - 1];
            }
        }
    }

    private static double[] ClassBalance(DawidSkeneCrowdOptions options)
    {
        var balance = new double[options.Classes];
        if (options.ClassBalance is null)
        {
            Array.Fill(balance, 1.0 / balance.Length);
            return balance;
        }

        var total = options.ClassBalance.Sum();
        for (var k = 0; k < balance.Length; k++)
        {
            balance[k] = options.ClassBalance[k] / total;
        }

        return balance;
    }
}
