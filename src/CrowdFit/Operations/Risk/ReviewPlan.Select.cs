using System.Buffers;
using System.Text;
using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Operations;

public static partial class ReviewPlan
{
    /// <summary>
    /// The stable draw of a task in [0, 1): the 64-bit FNV-1a hash of the UTF-8 bytes of the task id, started from the
    /// FNV offset basis mixed with the seed, then passed through the SplitMix64 finalizer; the top 53 bits are the
    /// fraction. A spot sample of share s takes the tasks whose draw is under s.
    /// </summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="seed">The seed (<see cref="RiskOptions.Seed"/>).</param>
    /// <returns>A value in [0, 1) that depends only on the id and the seed, on any machine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="taskId"/> is null.</exception>
    /// <remarks>FNV-1a alone spreads short similar ids poorly in its high bits; the finalizer (Steele et al. 2014) mixes every input bit into all of them.</remarks>
    public static double Draw(string taskId, int seed)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var length = Encoding.UTF8.GetByteCount(taskId);
        byte[]? rented = null;
        var bytes = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(taskId, bytes);
        var hash = 0xcbf29ce484222325UL ^ ((ulong)(uint)seed * 0x9e3779b97f4a7c15UL);
        foreach (var b in bytes[..written])
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9UL;
        hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static TaskReview[] Select(
        AnswerSet answers,
        TruthResult truth,
        GoldLabels? gold,
        int[] typeOf,
        string[] names,
        TaskTypeRisk[] types,
        RiskOptions options)
    {
        var classOf = new RiskClass[names.Length];
        foreach (var type in types)
        {
            classOf[Array.IndexOf(names, type.Name)] = type.Class;
        }

        var labels = answers.AnswerLabels;
        var starts = answers.TaskStarts;
        var seen = new int[answers.ClassCount];
        var tasks = new List<TaskReview>(answers.TaskCount);
        for (var t = 0; t < typeOf.Length; t++)
        {
            if (typeOf[t] < 0)
            {
                continue;
            }

            var (start, end) = (starts[t], starts[t + 1]);
            var distinct = 0;
            for (var a = start; a < end; a++)
            {
                // Stamping with t + 1 marks a label seen for this task without clearing the array between tasks.
                if (seen[labels[a]] != t + 1)
                {
                    seen[labels[a]] = t + 1;
                    distinct++;
                }
            }

            var risk = classOf[typeOf[t]];
            var method = options.Method(risk);
            var confidence = truth.Confidence(t);
            var draw = Draw(answers.TaskIds[t], options.Seed);
            var isGold = gold is not null && gold[t] != GoldLabels.None;
            var (reason, threshold) = Decide(method, isGold, confidence, distinct, draw, options);
            tasks.Add(new TaskReview
            {
                Task = answers.TaskIds[t],
                TaskType = names[typeOf[t]],
                Class = risk,
                Method = method,
                Gold = isGold,
                Selected = reason is ReviewReason.EveryTask or ReviewReason.LowConfidence or ReviewReason.Disagreement or ReviewReason.SpotSample,
                Reason = reason,
                Confidence = confidence,
                Answers = end - start,
                DistinctLabels = distinct,
                Draw = draw,
                Threshold = threshold,
            });
        }

        return [.. tasks];
    }

    /// <summary>Why a task is selected or not under its method, and the cut the reason compares against.</summary>
    private static (ReviewReason Reason, double Threshold) Decide(ReviewMethod method, bool isGold, double confidence, int distinct, double draw, RiskOptions options)
    {
        if (method == ReviewMethod.ExpertReview)
        {
            return (ReviewReason.EveryTask, double.NaN);
        }

        if (isGold)
        {
            return (ReviewReason.Gold, double.NaN);
        }

        var share = options.SpotShare;
        if (method == ReviewMethod.EdgeCaseReview)
        {
            if (confidence < options.EdgeConfidence)
            {
                return (ReviewReason.LowConfidence, options.EdgeConfidence);
            }

            if (options.EdgeOnDisagreement && distinct > 1)
            {
                return (ReviewReason.Disagreement, double.NaN);
            }

            share = options.EdgeSpotShare;
        }

        return draw < share ? (ReviewReason.SpotSample, share) : (ReviewReason.NotSampled, share);
    }

    private static RiskClassSummary[] Summarize(TaskReview[] tasks, TaskTypeRisk[] types, RiskOptions options)
    {
        RiskClass[] all = [RiskClass.Low, RiskClass.Medium, RiskClass.High];
        Span<int> count = stackalloc int[all.Length];
        Span<int> selected = stackalloc int[all.Length];
        Span<int> edges = stackalloc int[all.Length];
        Span<int> spots = stackalloc int[all.Length];
        Span<int> golds = stackalloc int[all.Length];
        foreach (var task in tasks)
        {
            var c = (int)task.Class;
            count[c]++;
            selected[c] += task.Selected ? 1 : 0;
            edges[c] += task.Reason is ReviewReason.LowConfidence or ReviewReason.Disagreement ? 1 : 0;
            spots[c] += task.Reason == ReviewReason.SpotSample ? 1 : 0;
            golds[c] += task.Gold ? 1 : 0;
        }

        var summaries = new RiskClassSummary[all.Length];
        foreach (var risk in all)
        {
            var c = (int)risk;
            summaries[c] = new RiskClassSummary
            {
                Class = risk,
                Method = options.Method(risk),
                Types = [.. types.Where(t => t.Class == risk).Select(t => t.Name)],
                Tasks = count[c],
                Selected = selected[c],
                EdgeCases = edges[c],
                SpotSamples = spots[c],
                GoldTasks = golds[c],
            };
        }

        return summaries;
    }
}
