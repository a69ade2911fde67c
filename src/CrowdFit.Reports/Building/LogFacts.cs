using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Reports;

/// <summary>Per-answer and per-worker tallies that several sections share, computed once.</summary>
internal sealed class LogFacts
{
    public LogFacts(FraudAnalysisResult result)
    {
        Result = result;
        Log = result.Log;
        Answers = Log.Answers;
        Scores = result.Scores;
        TruthLabel = new int[Answers.TaskCount];
        for (var t = 0; t < TruthLabel.Length; t++)
        {
            TruthLabel[t] = result.Truth.Label(t);
        }

        LabelAnswers = new int[Answers.ClassCount];
        WorkerAnswers = new int[Answers.WorkerCount];
        WorkerFlaggedAnswers = new int[Answers.WorkerCount];
        var labels = Answers.AnswerLabels;
        var workers = Answers.Workers;
        var flagged = Scores.AnswerFlagged;
        for (var a = 0; a < Answers.Count; a++)
        {
            LabelAnswers[labels[a]]++;
            WorkerAnswers[workers[a]]++;
            WorkerFlaggedAnswers[workers[a]] += flagged[a] ? 1 : 0;
        }
    }

    public FraudAnalysisResult Result { get; }

    public WorkLog Log { get; }

    public AnswerSet Answers { get; }

    public FraudScores Scores { get; }

    /// <summary>Inferred label per task.</summary>
    public int[] TruthLabel { get; }

    /// <summary>Answers per label.</summary>
    public int[] LabelAnswers { get; }

    /// <summary>Answers per worker.</summary>
    public int[] WorkerAnswers { get; }

    /// <summary>Flagged answers per worker.</summary>
    public int[] WorkerFlaggedAnswers { get; }
}
