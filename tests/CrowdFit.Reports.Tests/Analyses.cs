using System.Globalization;
using System.Text;
using CrowdFit.Formats;
using CrowdFit.Fraud;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Workforce;

namespace CrowdFit.Reports.Tests;

/// <summary>Analyses of small logs to build reports from.</summary>
internal static class Analyses
{
    /// <summary>The hand-made log's workers, in file order.</summary>
    public static readonly string[] Workers = ["w1", "w2", "w3", "w4"];

    /// <summary>Hour of the day (UTC) each hand-made worker works at.</summary>
    public static readonly int[] Hours = [9, 10, 14, 3];

    /// <summary>Claimed seconds per answer of each hand-made worker.</summary>
    public static readonly int[] Seconds = [30, 40, 50, 2];

    private static readonly string[] s_truth = ["cat", "cat", "dog", "cat", "dog", "cat"];

    /// <summary>
    /// Six tasks (truth cat, cat, dog, cat, dog, cat) answered by four workers: w1 and w2 always right, w3 wrong
    /// once (cat on t3), w4 always "dog". 24 answers: 13 cat, 11 dog. Gold on t1 (cat) and t3 (dog). Truth by
    /// majority vote. Each worker answers at their own hour with their own claimed duration; every answer pays 0.10.
    /// </summary>
    public static AnalysisInputs HandMade(TempFolder folder, bool context = true, bool gold = true, string? hostileWorker = null)
    {
        var csv = new StringBuilder(context ? "task,worker,label,started_at,submitted_at,country,task_type,reward\n" : "task,worker,label\n");
        var origin = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (var t = 0; t < s_truth.Length; t++)
        {
            for (var w = 0; w < Workers.Length; w++)
            {
                var label = w == 3 ? "dog" : w == 2 && t == 2 ? "cat" : s_truth[t];
                var worker = w == 3 && hostileWorker is not null ? Quote(hostileWorker) : Workers[w];
                csv.Append(CultureInfo.InvariantCulture, $"t{t + 1},{worker},{label}");
                if (context)
                {
                    var start = origin.AddHours(Hours[w]).AddMinutes(2 * t);
                    var country = w < 2 ? "US" : w == 2 ? "DE" : "XX";
                    csv.Append(CultureInfo.InvariantCulture, $",{start:yyyy-MM-ddTHH:mm:ssZ},{start.AddSeconds(Seconds[w]):yyyy-MM-ddTHH:mm:ssZ},{country},tag,0.10");
                }

                csv.Append('\n');
            }
        }

        var answers = folder.Write("answers.csv", csv.ToString());
        var goldPath = gold ? folder.Write("gold.csv", "task,label\nt1,cat\nt3,dog\n") : null;
        return Analyse(answers, goldPath, "mv");
    }

    /// <summary>A small adversarial crowd with every context column: honest workers, spammers, a bot and a ring.</summary>
    public static AnalysisInputs Simulated(TempFolder folder)
    {
        var options = new AdversarialCrowdOptions
        {
            Seed = 7,
            Tasks = 600,
            AnswersPerTask = 3,
            Days = 6,
            GoldShare = 0.05,
            Honest = 30,
            RingSize = 4,
            Adversaries = [(AdversaryKind.ConstantSpammer, 1), (AdversaryKind.UniformSpammer, 1), (AdversaryKind.FastBot, 1), (AdversaryKind.Ring, 4)],
        };
        var directory = folder.File("crowd");
        AdversarialCrowd.Generate(options).WriteTo(directory);
        return Analyse(Path.Combine(directory, AdversarialCrowd.AnswersFileName), Path.Combine(directory, AdversarialCrowd.GoldFileName), FraudAnalysisOptions.Default.TruthMethod);
    }

    private static AnalysisInputs Analyse(string answersPath, string? goldPath, string method)
    {
        var log = AnswerLogReader.Read(answersPath, goldPath);
        var result = FraudAnalysis.Run(log.Answers, log.Context, log.Gold, FraudDetectors.Create(), FraudAnalysisOptions.Default with { TruthMethod = method });
        var pay = log.Context is { } context ? EffectivePay.Analyze(log.Answers, context, PayOptions.Default with { Currency = "" }) : null;
        return AnalysisInputs.Compute(result, pay, Path.GetFileName(answersPath), auditGold: true);
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
