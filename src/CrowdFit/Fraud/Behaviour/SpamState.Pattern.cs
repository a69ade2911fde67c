using System.Globalization;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class SpamState
{
    private sealed partial class Scan
    {
        private double[] _predicted = [];

        /// <summary>
        /// The repeating-pattern test over the loaded answers: per lag, matches over disjoint pairs (i, i + lag)
        /// against the binomial with the predicted match rate plus the allowance; Bonferroni over the lags.
        /// </summary>
        private PatternResult Pattern(int worker, int n)
        {
            var lags = Math.Min(_options.MaxPatternLag, n / 2);
            if (lags < 1)
            {
                return new PatternResult(1, 0, 0, 0, 0);
            }

            // What an honest worker with this confusion would answer on each task: Σ_j P[j] π[j, ·].
            if (_predicted.Length < n * _k)
            {
                _predicted = new double[Math.Max(n * _k, 2 * _predicted.Length)];
            }

            var confusion = _log.Truth.Workers[worker].Confusion.Span;
            var hasConfusion = confusion.Length == _k * _k;
            for (var i = 0; i < n; i++)
            {
                var row = Row(i);
                var predicted = _predicted.AsSpan(i * _k, _k);
                for (var l = 0; l < _k; l++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < _k; j++)
                    {
                        sum += row[j] * (hasConfusion ? confusion[(j * _k) + l] : (j == l ? 1 : 0));
                    }

                    predicted[l] = sum;
                }
            }

            var best = new PatternResult(1, 0, 0, 0, 0);
            for (var lag = 1; lag <= lags; lag++)
            {
                int pairs = 0, matches = 0;
                var expected = 0.0;
                // The pairs (i, i + lag) for i in the even blocks of lag answers: [0, lag), [2 lag, 3 lag), ...
                for (var block = 0; block < n - lag; block += 2 * lag)
                {
                    var end = Math.Min(block + lag, n - lag);
                    for (var i = block; i < end; i++)
                    {
                        pairs++;
                        matches += _labels[i] == _labels[i + lag] ? 1 : 0;
                        var first = _predicted.AsSpan(i * _k, _k);
                        var second = _predicted.AsSpan((i + lag) * _k, _k);
                        for (var l = 0; l < _k; l++)
                        {
                            expected += first[l] * second[l];
                        }
                    }
                }

                if (pairs < 4)
                {
                    continue;
                }

                var rate = Math.Min(1, (expected / pairs) + _options.PatternAllowance);
                var p = Tails.BinomialUpper(matches, pairs, rate);
                if (p < best.P)
                {
                    best = new PatternResult(p, lag, matches, pairs, expected);
                }
            }

            return best with { P = Math.Min(1, lags * best.P) };
        }

        private static string PatternReason(PatternResult pattern) => string.Create(
            CultureInfo.InvariantCulture,
            $"repeats a pattern: {pattern.Matches} of {pattern.Pairs} answers equal the one {pattern.Lag} before (an honest worker: about {pattern.Expected:0})");

        private readonly record struct PatternResult(double P, int Lag, int Matches, int Pairs, double Expected);
    }
}
