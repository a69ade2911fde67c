namespace CrowdFit.Fraud;

/// <summary>One fraud probability, p-value and flag per worker and per answer, with the reasons behind them.</summary>
public sealed class FraudScores
{
    private readonly double[] _workerP;
    private readonly double[] _workerProbability;
    private readonly bool[] _workerFlagged;
    private readonly string[] _workerReasons;
    private readonly int[] _workerOnset;
    private readonly double[] _answerP;
    private readonly double[] _answerProbability;
    private readonly bool[] _answerFlagged;
    private readonly Func<int, string> _answerReasons;

    internal FraudScores(
        double[] workerP,
        double[] workerProbability,
        bool[] workerFlagged,
        string[] workerReasons,
        int[] workerOnset,
        double[] answerP,
        double[] answerProbability,
        bool[] answerFlagged,
        Func<int, string> answerReasons,
        double workerThreshold,
        double answerThreshold)
    {
        _workerP = workerP;
        _workerProbability = workerProbability;
        _workerFlagged = workerFlagged;
        _workerReasons = workerReasons;
        _workerOnset = workerOnset;
        _answerP = answerP;
        _answerProbability = answerProbability;
        _answerFlagged = answerFlagged;
        _answerReasons = answerReasons;
        WorkerThreshold = workerThreshold;
        AnswerThreshold = answerThreshold;
    }

    /// <summary>Combined p-value at or below which a worker is flagged.</summary>
    public double WorkerThreshold { get; }

    /// <summary>Combined p-value at or below which an answer is flagged.</summary>
    public double AnswerThreshold { get; }

    /// <summary>Per worker, the Bonferroni-combined p-value (1 = no evidence).</summary>
    public ReadOnlySpan<double> WorkerP => _workerP;

    /// <summary>Per worker, the probability that the worker commits fraud or spam.</summary>
    public ReadOnlySpan<double> WorkerProbability => _workerProbability;

    /// <summary>Per worker, whether it is flagged.</summary>
    public ReadOnlySpan<bool> WorkerFlagged => _workerFlagged;

    /// <summary>Per worker, the timeline position where the flagged behaviour began (0 when it covers the whole history, -1 when not flagged).</summary>
    public ReadOnlySpan<int> WorkerOnset => _workerOnset;

    /// <summary>Per answer, the Bonferroni-combined p-value.</summary>
    public ReadOnlySpan<double> AnswerP => _answerP;

    /// <summary>Per answer, the probability that the answer is fraud or spam.</summary>
    public ReadOnlySpan<double> AnswerProbability => _answerProbability;

    /// <summary>Per answer, whether it is flagged.</summary>
    public ReadOnlySpan<bool> AnswerFlagged => _answerFlagged;

    /// <summary>Number of flagged workers.</summary>
    public int FlaggedWorkerCount => _workerFlagged.Count(f => f);

    /// <summary>Number of flagged answers.</summary>
    public int FlaggedAnswerCount => _answerFlagged.Count(f => f);

    /// <summary>Why worker <paramref name="worker"/> is suspicious, strongest evidence first ("" when nothing was found).</summary>
    public string WorkerReasons(int worker) => _workerReasons[worker];

    /// <summary>Why answer <paramref name="answer"/> is suspicious, strongest evidence first ("" when nothing was found).</summary>
    public string AnswerReasons(int answer) => _answerReasons(answer);
}
