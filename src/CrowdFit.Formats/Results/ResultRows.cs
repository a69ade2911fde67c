using CrowdFit.Truth;

namespace CrowdFit.Formats.Results;

/// <summary>The rows of each result file.</summary>
internal static class ResultRows
{
    /// <summary><c>task,label,confidence,p_&lt;label&gt;…</c>, one row per task in task order.</summary>
    public static void Labels(Utf8RowWriter w, TruthResult result)
    {
        var answers = result.Answers;
        w.Text("task");
        w.Text("label");
        w.Text("confidence");
        foreach (var label in answers.Labels)
        {
            w.Text("p_" + label);
        }

        w.EndRow();
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var posterior = result.Posterior(t);
            var label = TruthResult.ArgMax(posterior);
            w.Text(answers.TaskIds[t]);
            w.Text(answers.Labels[label]);
            w.Number(posterior[label]);
            foreach (var p in posterior)
            {
                w.Number(p);
            }

            w.EndRow();
        }
    }

    /// <summary>
    /// <c>worker,answers,accuracy,accuracy_low,accuracy_high,confusion_&lt;true&gt;_&lt;observed&gt;…</c>,
    /// one row per worker.
    /// </summary>
    public static void Workers(Utf8RowWriter w, TruthResult result)
    {
        var answers = result.Answers;
        var k = answers.ClassCount;
        foreach (var name in new[] { "worker", "answers", "accuracy", "accuracy_low", "accuracy_high" })
        {
            w.Text(name);
        }

        foreach (var truth in answers.Labels)
        {
            foreach (var observed in answers.Labels)
            {
                w.Text($"confusion_{truth}_{observed}");
            }
        }

        w.EndRow();
        foreach (var worker in result.Workers)
        {
            w.Text(answers.WorkerIds[worker.Worker]);
            w.Integer(worker.Answers);
            w.Number(worker.Accuracy);
            w.Number(worker.AccuracyLow);
            w.Number(worker.AccuracyHigh);
            var confusion = worker.Confusion.Span;
            for (var cell = 0; cell < k * k; cell++)
            {
                w.Number(confusion[cell]);
            }

            w.EndRow();
        }
    }

    /// <summary><c>task,worker,label,p_correct</c>, one row per answer in task order.</summary>
    public static void Answers(Utf8RowWriter w, TruthResult result)
    {
        var answers = result.Answers;
        w.Text("task");
        w.Text("worker");
        w.Text("label");
        w.Text("p_correct");
        w.EndRow();
        var tasks = answers.Tasks;
        var workers = answers.Workers;
        var labels = answers.AnswerLabels;
        for (var a = 0; a < answers.Count; a++)
        {
            w.Text(answers.TaskIds[tasks[a]]);
            w.Text(answers.WorkerIds[workers[a]]);
            w.Text(answers.Labels[labels[a]]);
            w.Number(result.AnswerCorrectProbability(a));
            w.EndRow();
        }
    }
}
