namespace CrowdFit.Formats.Tests.Reading;

public sealed class ScoresFileTests
{
    private const string Answers = "task,worker,label\nt1,w1,cat\nt1,w2,dog\nt2,w1,dog\nt3,w2,cat\n";

    [Fact]
    public void Read_Scores_AddTheModelAsOneMoreWorkerWithItsTopLabel()
    {
        var log = Read("task,label,score\nt1,cat,0.2\nt1,dog,0.8\nt2,cat,0.6\n");

        var answers = log.Answers;
        Assert.Equal(2, log.ModelWorker);
        Assert.Equal(["w1", "w2", "model"], answers.WorkerIds);
        Assert.Equal(6, answers.Count);
        Assert.Equal([(0, 2, 1), (1, 2, 0)], ModelAnswers(log));
    }

    [Fact]
    public void Read_TiedScores_GoToTheLabelFirstInOrdinalOrder()
    {
        var log = Read("task,label,score\nt1,dog,0.5\nt1,cat,0.5\nt2,dog,0.5\nt2,cat,0.5\n");

        Assert.Equal([(0, 2, 0), (1, 2, 0)], ModelAnswers(log));
    }

    [Fact]
    public void Read_ScoredLabelNoOneUsed_BecomesAClass()
    {
        var log = Read("task,label,score\nt1,bird,0.1\nt1,dog,0.9\n");

        Assert.Equal(["bird", "cat", "dog"], log.Answers.Labels);
        Assert.Equal([(0, 2, 2)], ModelAnswers(log));
    }

    [Fact]
    public void Read_ModelWorkerIdOption_NamesTheModelWorker()
    {
        using var files = new TempFiles();
        var options = new ReaderOptions { ModelWorkerId = "bert" };

        var log = AnswerLogReader.Read(files.Write("answers.csv", Answers), scoresPath: files.Write("scores.csv", "task,label,score\nt1,cat,1\n"), options: options);

        Assert.Equal("bert", log.Answers.WorkerIds[log.ModelWorker!.Value]);
    }

    [Fact]
    public void Read_ModelWorkerIdAlreadyAWorker_PointsAtItsFirstAnswer()
    {
        using var files = new TempFiles();
        var answersPath = files.Write("answers.csv", "task,worker,label\nt1,w1,cat\nt1,model,dog\n");
        var scoresPath = files.Write("scores.csv", "task,label,score\nt1,cat,1\n");

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(answersPath, scoresPath: scoresPath));

        Assert.Equal((answersPath, 3, "worker"), (error.FilePath, error.Line, error.Column));
        Assert.Contains("'model'", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task,label,score\nt1,cat,high\n", 2, "score", "expected a probability (a number in [0, 1]), found 'high'")]
    [InlineData("task,label,score\nt1,cat,NaN\n", 2, "score", "expected a probability (a number in [0, 1]), found 'NaN'")]
    [InlineData("task,label,score\nt1,cat,0.5\nt1,dog,1.5\n", 3, "score", "expected a probability in [0, 1], found '1.5'")]
    [InlineData("task,label,score\nt1,cat,-0.1\n", 2, "score", "expected a probability in [0, 1], found '-0.1'")]
    [InlineData("task,label,score\nt1,cat,\n", 2, "score", "expected a probability (a number in [0, 1]), found ''")]
    [InlineData("task,label,score\nt1,cat,0.5\nt1,cat,0.4\n", 3, "label", "expected one score per task and label, found a second score of 'cat' for task 't1'")]
    [InlineData("task,label,score\nt7,cat,0.5\n", 2, "task", "expected a task with answers in {answers}, found 't7', which has none")]
    [InlineData("task,label,score\nt1,,0.5\n", 2, "label", "expected a label, found an empty cell")]
    [InlineData("task,score\nt1,0.5\n", 1, "label", "expected a required column 'label' in the header, found only 'task','score'")]
    public void Read_BadScores_NamesScoresFileLineAndColumn(string scores, int line, string column, string detail)
    {
        using var files = new TempFiles();
        var answersPath = files.Write("answers.csv", Answers);
        var scoresPath = files.Write("scores.csv", scores);

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(answersPath, scoresPath: scoresPath));

        Assert.Equal((scoresPath, line, column), (error.FilePath, error.Line, error.Column));
        Assert.Equal(detail.Replace("{answers}", answersPath, StringComparison.Ordinal), error.Detail);
    }

    private static AnswerLog Read(string scores)
    {
        using var files = new TempFiles();
        return AnswerLogReader.Read(files.Write("answers.csv", Answers), scoresPath: files.Write("scores.csv", scores));
    }

    private static (int Task, int Worker, int Label)[] ModelAnswers(AnswerLog log)
    {
        var answers = log.Answers;
        return [.. Enumerable.Range(0, answers.Count)
            .Where(a => answers.Workers[a] == log.ModelWorker)
            .Select(a => (answers.Tasks[a], answers.Workers[a], answers.AnswerLabels[a]))];
    }
}
