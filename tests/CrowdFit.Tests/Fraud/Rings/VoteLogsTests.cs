using CrowdFit.Fraud.Rings;

namespace CrowdFit.Tests.Fraud.Rings;

public sealed class VoteLogsTests
{
    private const double Floor = 1e-3;

    [Fact]
    public void TaskScore_EveryTask_EqualsLogPriorPlusEachAnswersLogColumnInAnswerOrder()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 3 });
        var log = crowd.Log;
        var answers = log.Answers;
        var k = answers.ClassCount;
        var confusion = Confusion(log);

        var logs = new VoteLogs(log, confusion, Floor);

        var expected = new double[k];
        for (var t = 0; t < answers.TaskCount; t++)
        {
            for (var c = 0; c < k; c++)
            {
                expected[c] = Math.Log(Math.Max(Floor, log.Truth.ClassPrior[c]));
                for (var b = answers.TaskStarts[t]; b < answers.TaskStarts[t + 1]; b++)
                {
                    expected[c] += Math.Log(Math.Max(Floor, confusion[(answers.Workers[b] * k * k) + (c * k) + answers.AnswerLabels[b]]));
                }
            }

            Assert.Equal(expected, logs.TaskScore(t).ToArray());
        }
    }

    [Fact]
    public void LeavePairOut_FromTheTable_MatchesTheScoreRecomputedWithoutThePair()
    {
        var crowd = RingCrowd.Build(new RingCrowdSpec { Seed = 4 });
        var log = crowd.Log;
        var answers = log.Answers;
        var k = answers.ClassCount;
        var confusion = Confusion(log);
        var logs = new VoteLogs(log, confusion, Floor);
        var post = new double[k];
        var direct = new double[k];

        for (var t = 0; t < answers.TaskCount; t += 7)
        {
            if (answers.TaskAnswerCount(t) < 2)
            {
                continue;
            }

            var (a, b) = (answers.TaskStarts[t], answers.TaskStarts[t] + 1);
            var best = PairCounter.LeavePairOut(logs.TaskScore(t), logs.Column(answers.Workers[a], answers.AnswerLabels[a]), logs.Column(answers.Workers[b], answers.AnswerLabels[b]), post);

            // The posterior from the prior and the task's other answers alone, normalised.
            for (var c = 0; c < k; c++)
            {
                direct[c] = Math.Log(Math.Max(Floor, log.Truth.ClassPrior[c]));
                for (var o = answers.TaskStarts[t]; o < answers.TaskStarts[t + 1]; o++)
                {
                    direct[c] += o == a || o == b ? 0 : Math.Log(Math.Max(Floor, confusion[(answers.Workers[o] * k * k) + (c * k) + answers.AnswerLabels[o]]));
                }
            }

            var top = direct.Max();
            var sum = direct.Sum(v => Math.Exp(v - top));
            for (var c = 0; c < k; c++)
            {
                Assert.Equal(Math.Exp(direct[c] - top) / sum, post[c], 1e-9);
            }

            Assert.Equal(Array.IndexOf(direct, top), best);
        }
    }

    /// <summary>The workers' confusion matrices as the ring detector reads them, worker-major W × K × K.</summary>
    private static double[] Confusion(CrowdFit.Fraud.WorkLog log)
    {
        var k = log.Answers.ClassCount;
        var flat = new double[log.Answers.WorkerCount * k * k];
        for (var w = 0; w < log.Answers.WorkerCount; w++)
        {
            log.Truth.Workers[w].Confusion.Span.CopyTo(flat.AsSpan(w * k * k, k * k));
        }

        return flat;
    }
}
