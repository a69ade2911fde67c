namespace CrowdFit.Fraud.Behaviour;

public static partial class Guilds
{
    /// <summary>Per-worker features (worker-major, NaN where unknown) and their names.</summary>
    private static (string[] Names, double[] Values) WorkerFeatures(WorkLog log, GuildBasis basis, BehaviourFeatures? features)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        List<(string Name, double[] Values)> columns = [];
        if (basis is GuildBasis.Accuracy or GuildBasis.Both)
        {
            var q = LeaveSelfOut.CorrectProbabilities(log);
            var agreement = new double[workers];
            var count = new double[workers];
            var goldRight = new double[workers];
            var goldCount = new double[workers];
            for (var a = 0; a < answers.Count; a++)
            {
                var w = answers.Workers[a];
                var gold = log.Gold[answers.Tasks[a]];
                count[w]++;
                agreement[w] += q[a];
                if (gold >= 0)
                {
                    goldCount[w]++;
                    goldRight[w] += gold == answers.AnswerLabels[a] ? 1 : 0;
                }
            }

            columns.Add(("accuracy", [.. Enumerable.Range(0, workers).Select(w => Logit(log.Truth.Workers[w].Accuracy * count[w], count[w]))]));
            columns.Add(("agreement", [.. Enumerable.Range(0, workers).Select(w => Logit(agreement[w], count[w]))]));
            if (log.Gold.Count > 0)
            {
                columns.Add(("gold_accuracy", [.. Enumerable.Range(0, workers).Select(w => goldCount[w] == 0 ? double.NaN : Logit(goldRight[w], goldCount[w]))]));
            }
        }

        if (basis is GuildBasis.Behaviour or GuildBasis.Both)
        {
            features ??= BehaviourFeatures.Compute(log);
            AddMedian(columns, log, features, BehaviourColumns.LogSeconds, x => x);
            AddMedian(columns, log, features, BehaviourColumns.LogGap, x => x);
            AddMedian(columns, log, features, BehaviourColumns.Rate, x => Math.Log(1 + x));
            AddMean(columns, log, features, BehaviourColumns.LabelEntropy, x => x);
            AddMean(columns, log, features, BehaviourColumns.Streak, Math.Log);
        }

        var d = columns.Count;
        var values = new double[workers * d];
        for (var j = 0; j < d; j++)
        {
            for (var w = 0; w < workers; w++)
            {
                values[(w * d) + j] = columns[j].Values[w];
            }
        }

        return ([.. columns.Select(c => c.Name)], values);
    }

    /// <summary>ln((right + 1) / (wrong + 1)): the logit of a share with one pseudo-answer each way.</summary>
    private static double Logit(double right, double total) => Math.Log((right + 1) / (total - right + 1));

    private static void AddMedian(List<(string, double[])> columns, WorkLog log, BehaviourFeatures features, string name, Func<double, double> transform)
    {
        var column = features.IndexOf(name);
        if (column < 0)
        {
            return;
        }

        var values = new double[log.Answers.WorkerCount];
        var buffer = new List<double>();
        for (var w = 0; w < values.Length; w++)
        {
            buffer.Clear();
            foreach (var a in log.Timeline(w))
            {
                var x = transform(features[a, column]);
                if (double.IsFinite(x))
                {
                    buffer.Add(x);
                }
            }

            values[w] = buffer.Count == 0 ? double.NaN : Robust.Median(buffer.ToArray());
        }

        columns.Add((name, values));
    }

    private static void AddMean(List<(string, double[])> columns, WorkLog log, BehaviourFeatures features, string name, Func<double, double> transform)
    {
        var column = features.IndexOf(name);
        var values = new double[log.Answers.WorkerCount];
        for (var w = 0; w < values.Length; w++)
        {
            double sum = 0;
            var count = 0;
            foreach (var a in log.Timeline(w))
            {
                var x = transform(features[a, column]);
                if (double.IsFinite(x))
                {
                    sum += x;
                    count++;
                }
            }

            values[w] = count == 0 ? double.NaN : sum / count;
        }

        columns.Add((name, values));
    }
}
