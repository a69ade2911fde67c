using System.Globalization;
using System.Text;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class SpamState
{
    /// <summary>The tests for one worker at a time; one instance per thread, its buffers reused.</summary>
    private sealed partial class Scan
    {
        /// <summary>The change scan skips a run whose rough normal p-value exceeds this: it could not become the smallest of many.</summary>
        private const double RoughSkip = 0.2;

        private readonly WorkLog _log;
        private readonly SpamStateOptions _options;
        private readonly int _k;
        private readonly double[] _prior;
        private readonly SkillSegment _whole;
        private readonly SkillSegment _later;
        private readonly SkillSegment _earlier;
        private double[] _posterior = [];
        private int[] _labels = [];
        private int[] _positions = [];
        private double[] _suffix = [];

        public Scan(WorkLog log, SpamStateOptions options)
        {
            _log = log;
            _options = options;
            _k = log.Answers.ClassCount;
            _prior = log.Truth.ClassPrior.ToArray();
            _whole = new SkillSegment(_k);
            _later = new SkillSegment(_k);
            _earlier = new SkillSegment(_k);
        }

        /// <summary>The whole-history statistics of a worker.</summary>
        public WholeRun Whole(int worker)
        {
            LoadWhole(worker);
            var given = new double[_k];
            var expected = new double[_k];
            _whole.Shares(given, expected);
            return new WholeRun(_whole.Estimate(_prior, _options.ShareSmoothing), given, expected);
        }

        public SpamFinding Assess(int worker, WholeRun run, double wholeP, HonestSkill honest, RandomEffects excess, double dispersion)
        {
            LoadWhole(worker);
            var whole = run.Skill;
            var n = whole.Count;
            var (degeneracyP, degenerateLabel) = DegeneracyP(run, excess);

            // The change scan: runs at the end of the timeline, grown backwards.
            var lengths = RunLengths(n, _options);
            var bestChange = 1.0;
            var bestLength = 0;
            _later.Clear();
            var next = 0;
            for (var i = n - 1; i >= 0 && next < lengths.Count; i--)
            {
                _later.Add(Row(i), _labels[i]);
                if (n - i != lengths[next])
                {
                    continue;
                }

                next++;
                _earlier.SetDifference(_whole, _later);
                var later = _later.Estimate(_prior, _options.ShareSmoothing) with { Dispersion = dispersion };
                var earlier = _earlier.Estimate(_prior, _options.ShareSmoothing) with { Dispersion = dispersion };
                var runP = ChangeP(later, earlier, honest);
                if (runP < bestChange)
                {
                    bestChange = runP;
                    bestLength = n - i;
                }
            }

            var answerVariance = n * Math.Pow(whole.StandardError(honest.Mean), 2);
            var changeP = lengths.Count == 0 ? 1 : ScanP(bestChange, lengths, n, honest.Spread, answerVariance);
            var pattern = Pattern(worker, n);
            var p = Combine(wholeP, changeP, degeneracyP, pattern.P);
            if (p > _options.ReportLevel)
            {
                return new SpamFinding(worker, n, whole.Kappa, wholeP, changeP, degeneracyP, pattern.P, p, -1, null);
            }

            var byChange = changeP / ChangeWeight <= p;
            var start = Onset(byChange ? n - bestLength : 0, honest.Mean);
            var fromLikelihood = true;
            if (byChange && start != n - bestLength && !SpamFrom(start, n, honest.Mean))
            {
                // The likelihood's onset fell where the answers after it are as good as an honest worker's: the
                // evidence is the tested run, so the flag starts there.
                start = n - bestLength;
                fromLikelihood = false;
            }

            var beforeState = BeforeState(worker, n, start, fromLikelihood);
            var reason = pattern.P / PatternWeight <= p ? PatternReason(pattern)
                : degeneracyP / DegeneracyWeight <= p && !byChange ? DegeneracyReason(run, degenerateLabel, n)
                : SkillReason(start, n, byChange, honest);
            return new SpamFinding(worker, n, whole.Kappa, wholeP, changeP, degeneracyP, pattern.P, p, _positions[start], reason) { BeforeState = beforeState };
        }

        private static double ChangeP(in SkillEstimate later, in SkillEstimate earlier, HonestSkill honest)
        {
            var laterKappa = Math.Abs(later.Kappa);
            var earlierKappa = Math.Abs(earlier.Kappa);

            // Only a drop, and only to below the honest median, can be a spam state; skipping a run only raises its p-value.
            if (!(laterKappa < earlierKappa) || !(laterKappa < honest.Mean))
            {
                return 1;
            }

            var laterSe = later.StandardError(earlierKappa);
            var earlierSe = earlier.StandardError(earlierKappa);
            var rough = Tails.NormalLower((laterKappa - earlierKappa) / Math.Sqrt((laterSe * laterSe) + (earlierSe * earlierSe)));
            return rough > RoughSkip ? 1 : honest.ConditionalPValue(later, earlier);
        }

        /// <summary>
        /// The change point: with "spam" fitted on the answers from <paramref name="split"/> on and "as before" on
        /// those before it (the honest median skill and the class prior when there are too few), the start of
        /// the suffix whose summed log-likelihood ratio is largest; on ties the later one.
        /// </summary>
        private int Onset(int split, double honestMean)
        {
            var n = _whole.Count;
            Span<double> after = stackalloc double[_k];
            Span<double> before = stackalloc double[_k];
            _later.Clear();
            for (var i = split; i < n; i++)
            {
                _later.Add(Row(i), _labels[i]);
            }

            _later.LabelShares(_prior, _options.ShareSmoothing, after);
            var afterKappa = Math.Clamp(_later.Estimate(_prior, _options.ShareSmoothing).Kappa, 0, 1);
            double beforeKappa;
            if (split >= _options.MinSegment)
            {
                _earlier.SetDifference(_whole, _later);
                _earlier.LabelShares(_prior, _options.ShareSmoothing, before);
                beforeKappa = Math.Clamp(_earlier.Estimate(_prior, _options.ShareSmoothing).Kappa, 0, 1);
            }
            else
            {
                _prior.CopyTo(before);
                beforeKappa = honestMean;
            }

            afterKappa = double.IsNaN(afterKappa) ? 0 : afterKappa;
            beforeKappa = double.IsNaN(beforeKappa) ? honestMean : beforeKappa;
            if (_suffix.Length < n)
            {
                _suffix = new double[_labels.Length];
            }

            var best = n - 1;
            var bestSum = double.NegativeInfinity;
            var sum = 0.0;
            var againstTypical = 0.0;
            for (var i = n - 1; i >= 0; i--)
            {
                var row = Row(i);
                var label = _labels[i];
                var spam = (afterKappa * row[label]) + ((1 - afterKappa) * after[label]);
                var honest = (beforeKappa * row[label]) + ((1 - beforeKappa) * before[label]);
                var typical = (honestMean * row[label]) + ((1 - honestMean) * _prior[label]);
                sum += Math.Log(Math.Max(spam, 1e-9)) - Math.Log(Math.Max(honest, 1e-9));
                againstTypical += Math.Log(Math.Max(spam, 1e-9)) - Math.Log(Math.Max(typical, 1e-9));
                _suffix[i] = againstTypical;
                if (sum > bestSum)
                {
                    bestSum = sum;
                    best = i;
                }
            }

            return best;
        }

        /// <summary>
        /// Per timeline position of <paramref name="worker"/>, the chance that the spam state had not yet begun
        /// when the answer was given: with the change point uniform over the weighed answers a priori, its
        /// posterior is proportional to e^(suffix log-likelihood ratio of the spam model against a typical honest
        /// worker, at the honest median skill) that <see cref="Onset"/> left, and the chance is its mass after
        /// the answer. The honest side is the typical worker rather than the fitted earlier answers because those
        /// may themselves be spam, which would leave the change point unlocated. When the onset is not the
        /// likelihood's (<paramref name="fromLikelihood"/> false), or the likelihood is not finite, the state begins
        /// at <paramref name="start"/> for certain. Answers on gold tasks, which the tests do not weigh, get the
        /// chance of the weighed answer before them.
        /// </summary>
        private float[] BeforeState(int worker, int n, int start, bool fromLikelihood)
        {
            var before = new float[_log.Timeline(worker).Length];
            Array.Fill(before, 1f);
            var peak = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                peak = Math.Max(peak, _suffix[i]);
            }

            if (!fromLikelihood || !double.IsFinite(peak))
            {
                for (var i = start; i < n; i++)
                {
                    before[_positions[i]] = 0;
                }

                FillGold(before, n);
                return before;
            }

            double total = 0;
            for (var i = 0; i < n; i++)
            {
                total += Math.Exp(_suffix[i] - peak);
            }

            // Summed from the end, so that the small chances of the later answers keep their precision.
            double later = 0;
            for (var i = n - 1; i >= 0; i--)
            {
                before[_positions[i]] = (float)(later / total);
                later += Math.Exp(_suffix[i] - peak);
            }

            FillGold(before, n);
            return before;
        }

        /// <summary>Gives each answer on a gold task the chance of the weighed answer before it (1 before the first).</summary>
        private void FillGold(float[] before, int n)
        {
            var weighed = 0;
            var last = 1f;
            for (var position = 0; position < before.Length; position++)
            {
                if (weighed < n && _positions[weighed] == position)
                {
                    last = before[position];
                    weighed++;
                }
                else
                {
                    before[position] = last;
                }
            }
        }

        /// <summary>Whether the answers from <paramref name="start"/> on show a skill under the honest median.</summary>
        private bool SpamFrom(int start, int n, double honestMean)
        {
            _later.Clear();
            for (var i = start; i < n; i++)
            {
                _later.Add(Row(i), _labels[i]);
            }

            return Math.Abs(_later.Estimate(_prior, _options.ShareSmoothing).Kappa) < honestMean;
        }

        private string SkillReason(int start, int n, bool byChange, HonestSkill honest)
        {
            var text = new StringBuilder();
            _later.Clear();
            for (var i = start; i < n; i++)
            {
                _later.Add(Row(i), _labels[i]);
            }

            var run = _later.Estimate(_prior, _options.ShareSmoothing);
            var length = n - start;
            if (byChange && start > 0)
            {
                _earlier.SetDifference(_whole, _later);
                var earlier = _earlier.Estimate(_prior, _options.ShareSmoothing);
                text.Append(CultureInfo.InvariantCulture, $"from answer {_positions[start] + 1} on, answers agree with the others no better than chance: skill {run.Kappa:0.00} over {length} answers, {earlier.Kappa:0.00} over the {start} before");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"answers agree with the others no better than chance: skill {run.Kappa:0.00} over {length} answers");
            }

            text.Append(CultureInfo.InvariantCulture, $" (honest workers: {honest.Mean:0.00} ± {honest.Spread:0.00})");
            var (label, count) = _later.Mode();
            if (count >= 0.8 * length && length >= 2)
            {
                text.Append(CultureInfo.InvariantCulture, $"; gave '{_log.Answers.Labels[label]}' {count} of {length} times");
            }

            return text.ToString();
        }

        private string DegeneracyReason(WholeRun run, int label, int n) => string.Create(
            CultureInfo.InvariantCulture,
            $"gives '{_log.Answers.Labels[label]}' on {run.Given[label]:0%} of {n} answers, where the others put {run.Expected[label]:0%} of these tasks in that class");

        /// <summary>Fills the buffers with a worker's answers on tasks without gold, in timeline order; returns their number.</summary>
        private int Load(int worker)
        {
            var timeline = _log.Timeline(worker);
            if (_labels.Length < timeline.Length)
            {
                var size = Math.Max(timeline.Length, 2 * _labels.Length);
                _labels = new int[size];
                _positions = new int[size];
                _posterior = new double[size * _k];
            }

            var n = 0;
            var tasks = _log.Answers.Tasks;
            var labels = _log.Answers.AnswerLabels;
            var gold = _log.Gold;
            var truth = _log.Truth;
            var confusion = truth.Workers[worker].Confusion.Span;
            for (var i = 0; i < timeline.Length; i++)
            {
                var a = timeline[i];
                var task = tasks[a];
                if (gold[task] >= 0)
                {
                    continue;
                }

                LeaveSelfOut.Posterior(truth.Posterior(task), confusion, labels[a], _posterior.AsSpan(n * _k, _k));
                _labels[n] = labels[a];
                _positions[n] = i;
                n++;
            }

            return n;
        }

        /// <summary>Loads a worker's answers and sums them all into the whole-history segment.</summary>
        private void LoadWhole(int worker)
        {
            var n = Load(worker);
            _whole.Clear();
            for (var i = 0; i < n; i++)
            {
                _whole.Add(Row(i), _labels[i]);
            }
        }

        private ReadOnlySpan<double> Row(int i) => _posterior.AsSpan(i * _k, _k);
    }
}
