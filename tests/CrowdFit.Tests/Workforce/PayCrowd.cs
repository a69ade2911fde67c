namespace CrowdFit.Tests.Workforce;

/// <summary>
/// A simulated crowd paid per answer on three task types, one of them priced under the floor. Workers differ
/// in speed, pause briefly between tasks, take an occasional hour off, and some claims are padded back over
/// the worker's previous claim (two tabs open, or time theft).
/// </summary>
internal static class PayCrowd
{
    /// <summary>Name, typical seconds at median speed, and the hourly pay the reward is set for at that speed.</summary>
    public static readonly (string Name, double Seconds, double Rate)[] Types = [("image", 30, 14), ("text", 60, 11), ("transcribe", 120, 4.5)];

    private const double MeanPauseSeconds = 20;
    private const double MaxPauseSeconds = 250;
    private const double BreakSeconds = 3600;

    public static IReadOnlyList<PayClaim> Build(int seed, bool pad, int workers = 40, int claimsPerWorker = 150)
    {
        // Rewards price the pause after a claim into it, as the effective rate counts short pauses as work.
        var meanSeconds = Types.Average(t => t.Seconds) * Math.Exp(0.5 * ((0.3 * 0.3) + (0.2 * 0.2)));
        var pauseFactor = 1 + (MeanPauseSeconds / meanSeconds);
        var rng = new Random(seed);
        List<PayClaim> claims = [];
        for (var w = 0; w < workers; w++)
        {
            var speed = Math.Exp(0.3 * Normal(rng));
            var clock = rng.NextDouble() * 3600;
            var previousBegin = double.NaN;
            for (var i = 0; i < claimsPerWorker; i++)
            {
                var takesBreak = rng.NextDouble() < 0.03;
                var begin = clock + (takesBreak ? BreakSeconds : Math.Min(MaxPauseSeconds, -MeanPauseSeconds * Math.Log(1 - rng.NextDouble())));
                var (name, seconds, rate) = Types[rng.Next(Types.Length)];
                var end = begin + (seconds * speed * Math.Exp(0.2 * Normal(rng)));
                var padded = rng.NextDouble() < 0.1 && pad && !takesBreak && i > 0;
                claims.Add(new($"w{w:D3}", name, padded ? previousBegin : begin, end, rate * seconds * pauseFactor / 3600));
                previousBegin = begin;
                clock = end;
            }
        }

        return claims;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
