using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class PeerOutlier
{
    /// <summary>Decision code of an answer confirmed as fraud.</summary>
    private const sbyte Confirmed = 1;

    /// <summary>Decision code of an answer an analyst cleared.</summary>
    private const sbyte Clear = 2;

    /// <summary>The historical features, in the order they are measured.</summary>
    private static readonly string[] s_historical =
    [
        BehaviourColumns.RelativeTime,
        BehaviourColumns.LogGap,
        BehaviourColumns.Rate,
        BehaviourColumns.Streak,
        BehaviourColumns.LabelEntropy,
        BehaviourColumns.AgreementWindow,
    ];

    private Measurement Measure(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.Answers.Count;
        var decision = Decisions(n);
        var featureOptions = _options.Features ?? BehaviourFeaturesOptions.Default;
        var q = LeaveSelfOut.CorrectProbabilities(log);
        var information = new double[n];
        var kappa = TypicalAgreement.ToResiduals(log, q, information);
        var informative = TypicalAgreement.ClearlyInformative(log, q, information, kappa, InformativeZ);
        var features = BehaviourFeatures.Compute(log, featureOptions, q);
        var (group, groups) = Groups(log, features);
        var members = PeerGroups.Of(group, groups);
        var specs = s_historical.Where(s => features.IndexOf(s) >= 0).ToArray();
        var d = specs.Length;
        var raw = Transformed(features, specs);
        var byGroup = GroupNorms(raw, d, members, decision, specs, features);
        var z = Standardised(raw, d, group, byGroup);
        var inTask = InTask(log, features, decision);
        var (statistic, strongest, strongestZ) = Strongest(z, d, inTask, n);
        var answerOwnP = Conformal(statistic, members, decision);
        var (workerP, workerReason) = Workers(log, specs, features, z, raw, decision, byGroup, informative);
        var inTaskColumns = new string[inTask.Count];
        for (var i = 0; i < inTask.Count; i++)
        {
            inTaskColumns[i] = inTask[i].Column;
            ArrayPool<float>.Shared.Return(inTask[i].Z);
        }

        ArrayPool<double>.Shared.Return(raw);
        ArrayPool<float>.Shared.Return(z);
        var answerP = new float[n];
        var workers = log.Answers.Workers;
        for (var a = 0; a < n; a++)
        {
            answerP[a] = (float)Math.Min(1, 2 * Math.Min(answerOwnP[a], workerP[workers[a]]));
        }

        string? AnswerReason(int a)
        {
            var j = strongest[a];
            if (j < 0 || answerOwnP[a] >= 0.5)
            {
                return null;
            }

            return j < d
                ? string.Create(CultureInfo.InvariantCulture, $"{specs[j]} {strongestZ[a]:+0.0;-0.0} robust sd from its peers' norm (p {answerOwnP[a]:g2} among {members.Size(group[a])} peer answers)")
                : string.Create(CultureInfo.InvariantCulture, $"{inTaskColumns[j - d]} {strongestZ[a]:+0.0;-0.0} robust sd from the other answers of its task (p {answerOwnP[a]:g2})");
        }

        List<PeerNorm> norms = [];
        foreach (var row in byGroup)
        {
            norms.AddRange(row);
        }

        return new Measurement(workerP, workerReason, answerP, AnswerReason, [.. norms]);
    }

    /// <summary>The peer group of every answer (a task type or the guild of its worker) and the number of groups.</summary>
    private (int[] Group, int Groups) Groups(WorkLog log, BehaviourFeatures features)
    {
        var n = log.Answers.Count;
        var group = new int[n];
        if (_options.PeerGroups == PeerGroupKind.Guild)
        {
            var guilds = Guilds.Find(log, _options.Guilds, features);
            var workers = log.Answers.Workers;
            for (var a = 0; a < n; a++)
            {
                group[a] = Math.Max(0, guilds.Guild(workers[a]));
            }

            return (group, guilds.Count);
        }

        for (var a = 0; a < n; a++)
        {
            group[a] = log.TaskType(a);
        }

        return (group, log.TaskTypeCount);
    }

    /// <summary>
    /// Every answer's historical features after their transforms (ln(1 + rate), ln streak), answer-major: the
    /// value of feature j for answer a sits at a · d + j. The array is rented from the shared pool (it may be longer).
    /// </summary>
    private static double[] Transformed(BehaviourFeatures features, string[] specs)
    {
        var n = features.RowCount;
        var d = specs.Length;
        var columns = new int[d];
        var kinds = new int[d];
        for (var j = 0; j < d; j++)
        {
            columns[j] = features.IndexOf(specs[j]);
            kinds[j] = TransformKind(specs[j]);
        }

        var raw = ArrayPool<double>.Shared.Rent(Math.Max(1, n * d));
        AnswerRanges(n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                var row = features.Row(a);
                for (var j = 0; j < d; j++)
                {
                    raw[(a * d) + j] = Transform(row[columns[j]], kinds[j]);
                }
            }
        });
        return raw;
    }

    /// <summary>The transform <see cref="Transform"/> applies to a historical feature: ln(1 + rate), ln streak, the others as they are.</summary>
    private static int TransformKind(string column) => column switch
    {
        BehaviourColumns.Rate => 1,
        BehaviourColumns.Streak => 2,
        _ => 0,
    };

    /// <summary>Every answer's z per historical feature against its group's norm, answer-major like <paramref name="raw"/>; rented from the shared pool.</summary>
    private float[] Standardised(double[] raw, int d, int[] group, PeerNorm[][] byGroup)
    {
        var n = group.Length;
        var z = ArrayPool<float>.Shared.Rent(Math.Max(1, n * d));
        var groups = byGroup.Length == 0 ? 0 : byGroup[0].Length - 1;
        var location = new double[groups * d];
        var scale = new double[groups * d];
        for (var j = 0; j < d; j++)
        {
            for (var g = 0; g < groups; g++)
            {
                location[(g * d) + j] = byGroup[j][g + 1].Location;
                scale[(g * d) + j] = byGroup[j][g + 1].Scale;
            }
        }

        var clip = _options.ClipDistance;
        AnswerRanges(n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                var g = group[a] * d;
                for (var j = 0; j < d; j++)
                {
                    z[(a * d) + j] = (float)Standard(raw[(a * d) + j], location[g + j], scale[g + j], clip);
                }
            }
        });
        return z;
    }

    /// <summary>Each answer's statistic, its largest |z| over the historical and in-task features, which feature gave it (-1 for none) and that z with its sign.</summary>
    private static (float[] Statistic, sbyte[] Strongest, float[] StrongestZ) Strongest(float[] z, int d, List<(string Column, float[] Z)> inTask, int n)
    {
        var statistic = new float[n];
        var strongest = new sbyte[n];
        var strongestZ = new float[n];
        AnswerRanges(n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                var best = -1;
                var max = 0f;
                var signed = 0f;
                for (var j = 0; j < d; j++)
                {
                    if (Math.Abs(z[(a * d) + j]) > max)
                    {
                        max = Math.Abs(z[(a * d) + j]);
                        signed = z[(a * d) + j];
                        best = j;
                    }
                }

                for (var j = 0; j < inTask.Count; j++)
                {
                    if (Math.Abs(inTask[j].Z[a]) > max)
                    {
                        max = Math.Abs(inTask[j].Z[a]);
                        signed = inTask[j].Z[a];
                        best = d + j;
                    }
                }

                statistic[a] = max;
                strongest[a] = (sbyte)best;
                strongestZ[a] = signed;
            }
        });
        return (statistic, strongest, strongestZ);
    }

    /// <summary>(x − location) / scale clipped to ±clip; 0 where x or the scale is unknown.</summary>
    private static double Standard(double x, double location, double scale, double clip) =>
        double.IsFinite(x) && scale > 0 ? Math.Clamp((x - location) / scale, -clip, clip) : 0;

    /// <summary>Runs <paramref name="body"/> over fixed contiguous ranges of answer positions, in parallel.</summary>
    private static void AnswerRanges(int answers, Action<int, int> body)
    {
        var chunks = Math.Max(1, Math.Min(answers / 16_384, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk => body((int)((long)answers * chunk / chunks), (int)((long)answers * (chunk + 1) / chunks)));
    }

    private sealed record Measurement(double[] WorkerP, string?[] WorkerReason, float[] AnswerP, Func<int, string?> AnswerReason, PeerNorm[] Norms);
}
