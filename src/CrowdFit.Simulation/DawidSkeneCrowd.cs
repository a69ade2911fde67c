using System.Globalization;

namespace CrowdFit.Simulation;

/// <summary>
/// Generates seeded synthetic crowds under the Dawid–Skene model, with known truth, to test and benchmark
/// truth inference: in memory with <see cref="Generate"/>, or streamed to CSV files with <see cref="WriteTo"/>.
/// </summary>
/// <remarks>
/// Honest workers answer through a confusion matrix whose diagonal comes from a rescaled Beta draw and whose
/// errors are spread by a Dirichlet draw; spammers answer uniformly at random or with one constant label.
/// Workers join tasks in proportion to a log-normal activity, without repeats within a task.
/// See Dawid &amp; Skene (1979), "Maximum likelihood estimation of observer error-rates using the EM
/// algorithm"; the spammer kinds follow Raykar &amp; Yu (2012), "Eliminating spammers and ranking annotators
/// for crowdsourced labeling tasks". Equal options give equal crowds, and equal files byte for byte, on any
/// machine whose <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> round alike.
/// </remarks>
public static partial class DawidSkeneCrowd
{
    /// <summary>
    /// Generates the crowd in memory. The columns describe the same answers, in the same order, as the
    /// <c>answers.csv</c> that <see cref="WriteTo"/> writes for these options.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or Tasks ×
    /// AnswersPerTask exceeds <see cref="Array.MaxLength"/>; stream such crowds with <see cref="WriteTo"/>.</exception>
    public static SimulatedCrowd Generate(DawidSkeneCrowdOptions options)
    {
        Validate(options);
        if (options.AnswerCount > Array.MaxLength)
        {
            throw new ArgumentException(
                $"Tasks × AnswersPerTask is {options.AnswerCount}; in memory it must be at most {Array.MaxLength}. Use {nameof(WriteTo)} to stream it.",
                nameof(options));
        }

        var model = new CrowdModel(options);
        var perTask = options.AnswersPerTask;
        var truth = new int[options.Tasks];
        var tasks = new int[options.AnswerCount];
        var workers = new int[options.AnswerCount];
        var labels = new int[options.AnswerCount];
        List<int> gold = [];
        for (var t = 0; t < truth.Length; t++)
        {
            var at = t * perTask;
            truth[t] = model.Task(t, workers.AsSpan(at, perTask), labels.AsSpan(at, perTask));
            tasks.AsSpan(at, perTask).Fill(t);
            if (model.IsGold(t))
            {
                gold.Add(t);
            }
        }

        return new SimulatedCrowd(options, model.Workers, truth, [.. gold], tasks, workers, labels);
    }

    /// <summary>The id of task <paramref name="task"/> in the written files: <c>t</c> and the index, as in <c>t123</c>.</summary>
    public static string TaskId(int task) => "t" + task.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of worker <paramref name="worker"/> in the written files: <c>w</c> and the index, as in <c>w45</c>.</summary>
    public static string WorkerId(int worker) => "w" + worker.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text of class <paramref name="label"/> in the written files: its index, as in <c>3</c>.</summary>
    public static string LabelText(int label) => label.ToString(CultureInfo.InvariantCulture);

    private static void Validate(DawidSkeneCrowdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid crowd options: {string.Join(" ", problems)}", nameof(options));
        }
    }
}
