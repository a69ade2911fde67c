using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Live;

public sealed partial class LiveProject
{
    /// <summary>What one re-estimation learned; immutable, swapped whole.</summary>
    private sealed class Model
    {
        private readonly double[] _logConfusion;
        private readonly double[] _priorLogConfusion;
        private readonly int[] _answersSeen;
        private readonly double[] _risk;
        private readonly string?[] _flagReason;
        private readonly int _k;

        public Model(int version, int k, double[] logPrior, double[] logConfusion, double[] priorLogConfusion, double[] typical, int[] answersSeen, double[] risk, string?[] flagReason, SkillModel? skills)
        {
            Version = version;
            _k = k;
            LogPrior = logPrior;
            _logConfusion = logConfusion;
            _priorLogConfusion = priorLogConfusion;
            TypicalConfusion = typical;
            TypicalLogConfusion = new double[typical.Length];
            TaskEvidence.Log(typical, TypicalLogConfusion);
            _answersSeen = answersSeen;
            _risk = risk;
            _flagReason = flagReason;
            Skills = skills;
        }

        public int Version { get; }

        public double[] LogPrior { get; }

        /// <summary>Pooled confusion matrix of the counted workers: who is likely to answer next.</summary>
        public double[] TypicalConfusion { get; }

        public double[] TypicalLogConfusion { get; }

        public SkillModel? Skills { get; }

        /// <summary>The rings the detectors found at this re-estimation, with worker ids.</summary>
        public IReadOnlyList<LiveRing> Rings { get; init; } = [];

        /// <summary>Whether a ring detector ran at this re-estimation.</summary>
        public bool RingsSearched { get; init; }

        /// <summary>The stacked (learned) detectors' reports at this re-estimation.</summary>
        public IReadOnlyList<Fraud.DetectorReport> Stacked { get; init; } = [];

        public int Workers => _answersSeen.Length;

        /// <summary>The model before any data: a uniform class prior and the prior confusion for everyone.</summary>
        public static Model Prior(int k, LiveProjectOptions options)
        {
            var logPrior = new double[k];
            Array.Fill(logPrior, -Math.Log(k));
            var prior = PriorConfusion(k, options);
            var log = new double[k * k];
            TaskEvidence.Log(prior, log);
            return new Model(0, k, logPrior, [], log, prior, [], [], [], null);
        }

        public static double[] PriorConfusion(int k, LiveProjectOptions options)
        {
            var prior = new double[k * k];
            var row = options.CorrectPseudoCount + ((k - 1) * options.ErrorPseudoCount);
            for (var y = 0; y < k; y++)
            {
                for (var l = 0; l < k; l++)
                {
                    prior[(y * k) + l] = (y == l ? options.CorrectPseudoCount : options.ErrorPseudoCount) / row;
                }
            }

            return prior;
        }

        public static double[] LogOf(double[] probabilities)
        {
            var log = new double[probabilities.Length];
            TaskEvidence.Log(probabilities, log);
            return log;
        }

        public ReadOnlySpan<double> LogConfusion(int worker) => worker < Workers
            ? _logConfusion.AsSpan(worker * _k * _k, _k * _k)
            : _priorLogConfusion;

        public int AnswersSeen(int worker) => worker < Workers ? _answersSeen[worker] : 0;

        public double Risk(int worker) => worker < Workers ? _risk[worker] : 0;

        public string? FlagReason(int worker) => worker < Workers ? _flagReason[worker] : null;

        /// <summary>Predicted accuracy of a worker on a task type; the crowd's for a worker or type the skills have not seen.</summary>
        public SkillEstimate Skill(int worker, int taskType, double fallback)
        {
            if (Skills is not { } skills || taskType >= skills.TaskTypeCount)
            {
                return new SkillEstimate(fallback, 0, 1, 0);
            }

            return worker < skills.WorkerCount
                ? skills.Predict(worker, taskType)
                : new SkillEstimate(skills.CrowdMean(taskType), 0, 1, 0);
        }
    }
}
